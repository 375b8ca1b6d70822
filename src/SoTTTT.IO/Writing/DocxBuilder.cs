using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace SoTTTT.IO.Writing;

/// <summary>
/// A small Word document builder over DocumentFormat.OpenXml (.docx, WordprocessingML): headings, paragraphs, tables with
/// a repeated bold header row, PNG pictures with a caption, A4 portrait pages. Elements are written in schema order so
/// <c>OpenXmlValidator</c> reports no error; the package goes through <see cref="DeterministicZip"/>, so the same content
/// gives the same bytes. Fonts: Times New Roman 13 pt, the usual face of Vietnamese administrative documents (LibreOffice
/// substitutes a metric-compatible face where it is missing).
/// </summary>
internal sealed class DocxBuilder
{
    private const string Font = "Times New Roman";
    private const long EmuPerPixel = 9525;
    private readonly List<OpenXmlElement> blocks = [];
    private readonly List<(string Id, byte[] Png)> images = [];

    public void Title(string text) => blocks.Add(Paragraph(text, "Title", JustificationValues.Center));

    public void Heading(string text, int level = 1) => blocks.Add(Paragraph(text, level == 1 ? "Heading1" : "Heading2", null));

    public void Text(string text, bool bold = false, bool italic = false, JustificationValues? justify = null) =>
        blocks.Add(Paragraph(text, null, justify ?? JustificationValues.Both, bold, italic));

    public void Bullet(string text) => blocks.Add(Paragraph("– " + text, null, JustificationValues.Both));

    /// <summary>A table: the header row bold, shaded and repeated on every page; numbers right-aligned.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? numeric = null)
    {
        var table = new Table();
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        table.Append(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            borders,
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var grid = new TableGrid();
        foreach (var _ in header)
        {
            grid.Append(new GridColumn());
        }

        table.Append(grid);
        table.Append(Row(header, true, numeric));
        foreach (var row in rows)
        {
            table.Append(Row(row, false, numeric));
        }

        blocks.Add(table);
        blocks.Add(Paragraph(string.Empty, null, null));
    }

    /// <summary>A PNG picture scaled to the text width, then its caption in italics.</summary>
    public void Picture(byte[] png, int widthPx, int heightPx, string caption)
    {
        var id = "rIdImg" + (images.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        images.Add((id, png));
        var number = (uint)images.Count;

        // 16 cm wide at most (A4 less 2.5 cm margins).
        const long maxWidthEmu = 16L * 360000;
        var cx = Math.Min(widthPx * EmuPerPixel, maxWidthEmu);
        var cy = (long)Math.Round((double)cx * heightPx / widthPx);
        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = number, Name = "Map " + number },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"map{number}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
        blocks.Add(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing)));
        blocks.Add(Paragraph(caption, null, JustificationValues.Center, italic: true));
    }

    /// <summary>Writes the document to <paramref name="target"/>.</summary>
    public void Save(Stream target)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
            foreach (var (id, png) in images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var stream = new MemoryStream(png);
                part.FeedData(stream);
            }

            var body = new Body();
            foreach (var block in blocks)
            {
                body.Append(block.CloneNode(true));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1701, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        DeterministicZip.Copy(buffer, target);
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header, IReadOnlyList<bool>? numeric)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var right = !header && numeric is not null && i < numeric.Count && numeric[i];
            var cell = new TableCell();
            var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto });
            if (header)
            {
                props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
            }

            cell.Append(props);
            cell.Append(Paragraph(cells[i], "TableText", right ? JustificationValues.Right : header ? JustificationValues.Center : JustificationValues.Left, bold: header));
            row.Append(cell);
        }

        return row;
    }

    private static Paragraph Paragraph(string text, string? style, JustificationValues? justify, bool bold = false, bool italic = false)
    {
        var props = new ParagraphProperties();
        if (style is not null)
        {
            props.Append(new ParagraphStyleId { Val = style });
        }

        if (justify is { } j)
        {
            props.Append(new Justification { Val = j });
        }

        var paragraph = new Paragraph(props);
        if (text.Length > 0)
        {
            var runProps = new RunProperties();
            if (bold)
            {
                runProps.Append(new Bold());
            }

            if (italic)
            {
                runProps.Append(new Italic());
            }

            var run = new Run();
            if (runProps.HasChildren)
            {
                run.Append(runProps);
            }

            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Styles Styles()
    {
        static RunProperties Fonts(int halfPoints, bool bold = false, string? color = null)
        {
            var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
            if (bold)
            {
                props.Append(new Bold());
            }

            if (color is not null)
            {
                props.Append(new Color { Val = color });
            }

            props.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            props.Append(new Languages { Val = "vi-VN" });
            return props;
        }

        Style Paragraph(string id, string name, int halfPoints, bool bold, int before, int after, string? color = null, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal")
            {
                style.Append(new BasedOn { Val = "Normal" });
                style.Append(new NextParagraphStyle { Val = "Normal" });
            }

            style.Append(new PrimaryStyle());
            var paragraph = new StyleParagraphProperties();
            if (outline is not null)
            {
                paragraph.Append(new KeepNext());
            }

            paragraph.Append(new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            style.Append(paragraph);
            var run = Fonts(halfPoints, bold, color);
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
            return style;
        }

        var styles = new Styles();
        styles.Append(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, new FontSize { Val = "26" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        var normal = Paragraph("Normal", "Normal", 26, false, 0, 120);
        normal.Default = true;
        styles.Append(normal);
        styles.Append(Paragraph("Title", "Title", 32, true, 240, 240, "1F3A5F"));
        styles.Append(Paragraph("Heading1", "heading 1", 28, true, 360, 120, "1F3A5F", 0));
        styles.Append(Paragraph("Heading2", "heading 2", 26, true, 240, 120, "1F3A5F", 1));
        styles.Append(Paragraph("TableText", "Table Text", 22, false, 0, 0));
        return styles;
    }
}
