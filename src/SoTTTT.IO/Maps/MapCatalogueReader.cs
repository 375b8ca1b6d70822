using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoTTTT.Core.Maps;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Reads the map definitions of a <c>maps/</c> folder: <c>layers.json</c> (<c>{"layers": [...]}</c>), one style per
/// <c>styles/NAME.json</c> and one view per <c>views/NAME.json</c> (the file name is the name). Every problem is
/// collected, each naming the file (relative to the folder) and the field as a JSON path in
/// <see cref="ValidationProblem.Column"/> (<c>layers[2].style</c>, <c>classes[0].symbol.fill</c>). A class symbol lists
/// only what differs from the style's default symbol.
/// </summary>
public static partial class MapCatalogueReader
{
    public const string LayersFile = "layers.json";

    public const string StylesFolder = "styles";

    public const string ViewsFolder = "views";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and checks the catalogue under <paramref name="folder"/>.</summary>
    public static MapCatalogueLoadResult Read(string folder)
    {
        var problems = new List<ValidationProblem>();
        var layers = new List<MapLayer>();
        var styles = new List<MapStyle>();
        var views = new List<MapView>();

        var layersPath = Path.Combine(folder, LayersFile);
        if (!File.Exists(layersPath))
        {
            problems.Add(new(MapProblemCodes.MissingFile, $"{LayersFile} not found in {folder}", LayersFile, null, null, null));
        }
        else if (Parse(layersPath, LayersFile, problems) is { } doc)
        {
            using (doc)
            {
                var fields = new Fields(LayersFile, problems);
                if (fields.Array(doc.RootElement, "layers", string.Empty, required: true) is { } array)
                {
                    var i = 0;
                    foreach (var item in array)
                    {
                        if (ReadLayer(item, $"layers[{i}]", fields) is { } layer)
                        {
                            layers.Add(layer);
                        }

                        i++;
                    }
                }
            }
        }

        foreach (var (name, file, path) in Definitions(folder, StylesFolder))
        {
            if (Parse(path, file, problems) is { } doc)
            {
                using (doc)
                {
                    if (ReadStyle(name, doc.RootElement, new Fields(file, problems)) is { } style)
                    {
                        styles.Add(style);
                    }
                }
            }
        }

        var viewFiles = Definitions(folder, ViewsFolder);
        if (viewFiles.Count == 0)
        {
            problems.Add(new(MapProblemCodes.MissingFile, $"no view definitions in {Path.Combine(folder, ViewsFolder)}", ViewsFolder + "/", null, null, null));
        }

        foreach (var (name, file, path) in viewFiles)
        {
            if (Parse(path, file, problems) is { } doc)
            {
                using (doc)
                {
                    if (ReadView(name, doc.RootElement, new Fields(file, problems)) is { } view)
                    {
                        views.Add(view);
                    }
                }
            }
        }

        CheckReferences(layers, styles, views, problems);
        var catalogue = new MapCatalogue([.. views.OrderBy(v => v.Order).ThenBy(v => v.Name, StringComparer.Ordinal)], layers, styles);
        return problems.Count == 0 ? new(catalogue, problems) : new(null, problems);
    }

    private static void CheckReferences(List<MapLayer> layers, List<MapStyle> styles, List<MapView> views, List<ValidationProblem> problems)
    {
        foreach (var group in layers.Select((l, i) => (l, i)).GroupBy(x => x.l.Name).Where(g => g.Count() > 1))
        {
            foreach (var (_, i) in group.Skip(1))
            {
                problems.Add(new(MapProblemCodes.DuplicateName, $"layer '{group.Key}' is declared more than once", LayersFile, null, $"layers[{i}].name", group.Key));
            }
        }

        var styleByName = styles.ToDictionary(s => s.Name, StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (!styleByName.TryGetValue(layer.Style, out var style))
            {
                problems.Add(new(MapProblemCodes.UnknownStyle, $"style '{layer.Style}' not found (expected {StylesFolder}/{layer.Style}.json)", LayersFile, null, $"layers[{i}].style", layer.Name));
                continue;
            }

            if (style.Attribute is { } attribute && !layer.Attributes.Contains(attribute))
            {
                problems.Add(new(MapProblemCodes.UndeclaredAttribute, $"style '{style.Name}' classifies on '{attribute}', which the layer does not list in its attributes", LayersFile, null, $"layers[{i}].attributes", layer.Name));
            }

            for (var p = 0; p < layer.Popup.Count; p++)
            {
                if (!layer.Attributes.Contains(layer.Popup[p].Attribute))
                {
                    problems.Add(new(MapProblemCodes.UndeclaredAttribute, $"popup attribute '{layer.Popup[p].Attribute}' is not among the layer's attributes", LayersFile, null, $"layers[{i}].popup[{p}].attribute", layer.Name));
                }
            }
        }

        var layerByName = layers.GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var view in views)
        {
            for (var i = 0; i < view.Filters.Count; i++)
            {
                var attribute = view.Filters[i].Attribute;
                if (!view.Layers.Any(l => layerByName.TryGetValue(l, out var layer) && layer.Attributes.Contains(attribute)))
                {
                    problems.Add(new(MapProblemCodes.UndeclaredAttribute, $"no layer of the view declares the filter attribute '{attribute}'", $"{ViewsFolder}/{view.Name}.json", null, $"filters[{i}].attribute", view.Name));
                }
            }

            for (var i = 0; i < view.Layers.Count; i++)
            {
                if (!layerByName.ContainsKey(view.Layers[i]))
                {
                    problems.Add(new(MapProblemCodes.UnknownLayer, $"layer '{view.Layers[i]}' is not declared in {LayersFile}", $"{ViewsFolder}/{view.Name}.json", null, $"layers[{i}]", view.Name));
                }
            }
        }
    }

    private static List<(string Name, string File, string Path)> Definitions(string folder, string sub)
    {
        var dir = Path.Combine(folder, sub);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.GetFiles(dir, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileNameWithoutExtension(p), $"{sub}/{Path.GetFileName(p)}", p))
            .ToList();
    }

    private static JsonDocument? Parse(string path, string file, List<ValidationProblem> problems)
    {
        try
        {
            var doc = JsonDocument.Parse(File.ReadAllBytes(path), DocumentOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(MapProblemCodes.InvalidJson, "the file must hold one JSON object", file, null, null, null));
                doc.Dispose();
                return null;
            }

            return doc;
        }
        catch (JsonException ex)
        {
            problems.Add(new(MapProblemCodes.InvalidJson, ex.Message, file, (int?)ex.LineNumber + 1, null, null));
            return null;
        }
    }

    private static MapLayer? ReadLayer(JsonElement e, string path, Fields f)
    {
        if (!f.IsObject(e, path))
        {
            return null;
        }

        var name = f.Name(e, "name", path);
        var title = f.Text(e, "title", path, required: true);
        var description = f.Text(e, "description", path, required: false);
        var geometry = f.Enum(e, "geometry", path, ["point", "line", "polygon"]);
        var style = f.String(e, "style", path, required: true);
        var attributes = f.Strings(e, "attributes", path);
        var popup = new List<PopupField>();
        if (f.Array(e, "popup", path, required: false) is { } items)
        {
            var i = 0;
            foreach (var item in items)
            {
                var at = $"{path}.popup[{i++}]";
                if (f.IsObject(item, at) && f.String(item, "attribute", at, required: true) is { } attribute && f.Text(item, "label", at, required: true) is { } label)
                {
                    popup.Add(new PopupField(attribute, label, f.String(item, "unit", at, required: false)));
                }
            }
        }

        var visible = f.Bool(e, "visible", path) ?? true;
        if (name is null || title is null || geometry is null || style is null)
        {
            return null;
        }

        var kind = geometry switch { "point" => MapGeometryKind.Point, "line" => MapGeometryKind.Line, _ => MapGeometryKind.Polygon };
        return new MapLayer(name, title, description, kind, style, attributes, popup, visible);
    }

    private static MapStyle? ReadStyle(string name, JsonElement e, Fields f)
    {
        var ok = NameRegex().IsMatch(name);
        if (!ok)
        {
            f.Problem(MapProblemCodes.InvalidValue, $"style name '{name}' (the file name) must be lower-case letters, digits and _", "name");
        }

        var kindText = f.Enum(e, "kind", string.Empty, ["single", "categorical", "graduated"]);
        var kind = kindText switch { "categorical" => StyleKind.Categorical, "graduated" => StyleKind.Graduated, _ => StyleKind.Single };
        var attribute = f.String(e, "attribute", string.Empty, required: kindText is "categorical" or "graduated");
        MapSymbol? fallback = null;
        if (f.Object(e, "default", string.Empty, required: true) is { } d)
        {
            fallback = ReadSymbol(d, "default", null, f);
        }

        var defaultLabel = f.Text(e, "default_label", string.Empty, required: false);
        var classes = new List<StyleClass>();
        if (f.Array(e, "classes", string.Empty, required: kind != StyleKind.Single) is { } items)
        {
            var i = 0;
            foreach (var item in items)
            {
                var at = $"classes[{i++}]";
                if (!f.IsObject(item, at))
                {
                    continue;
                }

                var label = f.Text(item, "label", at, required: true);
                string? value = null;
                double? min = null, max = null;
                if (kind == StyleKind.Categorical)
                {
                    value = f.ScalarText(item, "value", at);
                }
                else if (kind == StyleKind.Graduated)
                {
                    min = f.Number(item, "min", at);
                    max = f.Number(item, "max", at);
                    if (min is null && max is null)
                    {
                        f.Problem(MapProblemCodes.MissingField, "a graduated class needs min, max or both", at);
                    }
                    else if (min is { } lo && max is { } hi && lo >= hi)
                    {
                        f.Problem(MapProblemCodes.InvalidValue, $"min {lo} is not below max {hi}", at + ".max");
                    }
                }

                var symbol = f.Object(item, "symbol", at, required: false) is { } s ? ReadSymbol(s, at + ".symbol", fallback, f) : fallback;
                if (label is not null && symbol is not null)
                {
                    classes.Add(new StyleClass(value, min, max, label, symbol));
                }
            }
        }

        return ok && kindText is not null && fallback is not null ? new MapStyle(name, kind, kind == StyleKind.Single ? null : attribute, fallback, defaultLabel, classes) : null;
    }

    private static MapSymbol? ReadSymbol(JsonElement e, string path, MapSymbol? inherit, Fields f)
    {
        if (!f.IsObject(e, path))
        {
            return null;
        }

        var fill = e.TryGetProperty("fill", out var fillElement) && fillElement.ValueKind == JsonValueKind.Null ? null : f.Colour(e, "fill", path) ?? inherit?.Fill;
        var stroke = f.Colour(e, "stroke", path) ?? inherit?.Stroke ?? "#333333";
        var width = f.Number(e, "stroke_width", path, 0, 50) ?? inherit?.StrokeWidth ?? 1;
        var size = f.Number(e, "size", path, 0, 100) ?? inherit?.Size ?? 6;
        var opacity = f.Number(e, "fill_opacity", path, 0, 1) ?? inherit?.FillOpacity ?? 1;
        var shape = f.Enum(e, "shape", path, ["circle", "square", "triangle", "diamond"], required: false) switch
        {
            "square" => SymbolKind.Square,
            "triangle" => SymbolKind.Triangle,
            "diamond" => SymbolKind.Diamond,
            "circle" => SymbolKind.Circle,
            _ => inherit?.Shape ?? SymbolKind.Circle,
        };
        IReadOnlyList<double> dash = inherit?.Dash ?? [];
        if (f.Array(e, "dash", path, required: false) is { } items)
        {
            dash = [.. items.Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetDouble())];
        }

        return new MapSymbol(fill, stroke, width, size, shape, opacity, dash);
    }

    private static MapView? ReadView(string name, JsonElement e, Fields f)
    {
        var ok = NameRegex().IsMatch(name);
        if (!ok)
        {
            f.Problem(MapProblemCodes.InvalidValue, $"view name '{name}' (the file name) must be lower-case letters, digits and _", "name");
        }

        var order = f.Number(e, "order", string.Empty) ?? 0;
        var title = f.Text(e, "title", string.Empty, required: true);
        var description = f.Text(e, "description", string.Empty, required: false);
        var layers = f.Strings(e, "layers", string.Empty);
        if (layers.Count == 0)
        {
            f.Problem(MapProblemCodes.MissingField, "a view needs at least one layer", "layers");
        }

        var filters = new List<MapFilter>();
        if (f.Array(e, "filters", string.Empty, required: false) is { } items)
        {
            var i = 0;
            foreach (var item in items)
            {
                var at = $"filters[{i++}]";
                if (f.IsObject(item, at) && f.String(item, "attribute", at, required: true) is { } attribute && f.Text(item, "label", at, required: true) is { } label)
                {
                    filters.Add(new MapFilter(attribute, label));
                }
            }
        }

        return ok && title is not null && layers.Count > 0 ? new MapView(name, (int)order, title, description, layers, filters) : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex ColourRegex();

    /// <summary>Typed field access on one file, adding a problem (file + JSON path) for each wrong or missing field.</summary>
    private sealed class Fields(string file, List<ValidationProblem> problems)
    {
        public void Problem(string code, string message, string path, string? id = null) =>
            problems.Add(new(code, message, file, null, path.Length == 0 ? null : path, id));

        private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

        public bool IsObject(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Problem(MapProblemCodes.InvalidJson, $"expected an object, found {e.ValueKind}", path);
            return false;
        }

        private JsonElement? Get(JsonElement e, string field, string path, bool required)
        {
            if (e.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }

            if (required)
            {
                Problem(MapProblemCodes.MissingField, $"'{field}' is required", Join(path, field));
            }

            return null;
        }

        public string? String(JsonElement e, string field, string path, bool required)
        {
            if (Get(e, field, path, required) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(MapProblemCodes.InvalidJson, $"'{field}' must be a string", Join(path, field));
                return null;
            }

            var text = value.GetString()!;
            if (required && text.Length == 0)
            {
                Problem(MapProblemCodes.MissingField, $"'{field}' is empty", Join(path, field));
                return null;
            }

            return text;
        }

        public string? Name(JsonElement e, string field, string path)
        {
            var name = String(e, field, path, required: true);
            if (name is not null && !NameRegex().IsMatch(name))
            {
                Problem(MapProblemCodes.InvalidValue, $"'{name}' must be lower-case letters, digits and _", Join(path, field), name);
                return null;
            }

            return name;
        }

        public string? ScalarText(JsonElement e, string field, string path)
        {
            if (Get(e, field, path, required: true) is not { } value)
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }

        public string? Enum(JsonElement e, string field, string path, string[] allowed, bool required = true)
        {
            var text = String(e, field, path, required);
            if (text is not null && !allowed.Contains(text))
            {
                Problem(MapProblemCodes.InvalidValue, $"'{text}' is not one of {string.Join(", ", allowed)}", Join(path, field));
                return null;
            }

            return text;
        }

        public string? Colour(JsonElement e, string field, string path)
        {
            var text = String(e, field, path, required: false);
            if (text is not null && !ColourRegex().IsMatch(text))
            {
                Problem(MapProblemCodes.InvalidValue, $"colour '{text}' must be #rrggbb in lower-case hex", Join(path, field));
                return null;
            }

            return text;
        }

        public double? Number(JsonElement e, string field, string path, double min = double.MinValue, double max = double.MaxValue)
        {
            if (Get(e, field, path, required: false) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                Problem(MapProblemCodes.InvalidJson, $"'{field}' must be a number", Join(path, field));
                return null;
            }

            var number = value.GetDouble();
            if (number < min || number > max)
            {
                Problem(MapProblemCodes.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"{number} is outside {min}–{max}"), Join(path, field));
                return null;
            }

            return number;
        }

        public bool? Bool(JsonElement e, string field, string path)
        {
            if (Get(e, field, path, required: false) is not { } value)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Problem(MapProblemCodes.InvalidJson, $"'{field}' must be true or false", Join(path, field));
            return null;
        }

        public JsonElement? Object(JsonElement e, string field, string path, bool required)
        {
            if (Get(e, field, path, required) is not { } value)
            {
                return null;
            }

            return IsObject(value, Join(path, field)) ? value : null;
        }

        public JsonElement.ArrayEnumerator? Array(JsonElement e, string field, string path, bool required)
        {
            if (Get(e, field, path, required) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(MapProblemCodes.InvalidJson, $"'{field}' must be an array", Join(path, field));
                return null;
            }

            return value.EnumerateArray();
        }

        public List<string> Strings(JsonElement e, string field, string path)
        {
            var list = new List<string>();
            if (Array(e, field, path, required: true) is { } items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
                    {
                        list.Add(s);
                    }
                    else
                    {
                        Problem(MapProblemCodes.InvalidJson, "expected a non-empty string", $"{Join(path, field)}[{i}]");
                    }

                    i++;
                }
            }

            return list;
        }

        public LocalizedText? Text(JsonElement e, string field, string path, bool required)
        {
            if (Object(e, field, path, required) is not { } value)
            {
                return null;
            }

            var at = Join(path, field);
            var vi = String(value, "vi", at, required: true);
            var en = String(value, "en", at, required: true);
            return vi is null || en is null ? null : new LocalizedText(vi, en);
        }
    }
}
