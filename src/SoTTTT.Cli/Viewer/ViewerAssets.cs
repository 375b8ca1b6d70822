namespace SoTTTT.Cli.Viewer;

/// <summary>
/// Where the viewer's files are: the <c>maps/</c> folder (view definitions, index.html, main.js, style.css) and the
/// OpenLayers build npm installs in it (<c>maps/node_modules/ol/dist/ol.js</c>, <c>ol/ol.css</c>). Looked for above the
/// working folder (a checkout), then beside the program (the build copies maps/ there).
/// </summary>
internal sealed record ViewerAssets(string MapsFolder)
{
    public string OlScript => Path.Combine(MapsFolder, "node_modules", "ol", "dist", "ol.js");

    public string OlStyle => Path.Combine(MapsFolder, "node_modules", "ol", "ol.css");

    public bool HasOpenLayers => File.Exists(OlScript) && File.Exists(OlStyle);

    /// <summary>The maps folder with OpenLayers installed, else the first maps folder found, else null.</summary>
    public static ViewerAssets? Locate()
    {
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "maps"));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, "maps"));
        var found = candidates.Where(c => File.Exists(Path.Combine(c, "layers.json")) && File.Exists(Path.Combine(c, "index.html"))).Select(c => new ViewerAssets(c)).ToList();
        return found.FirstOrDefault(a => a.HasOpenLayers) ?? found.FirstOrDefault();
    }
}
