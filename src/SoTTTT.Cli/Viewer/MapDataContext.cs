using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.Core.Postal;
using SoTTTT.IO;
using SoTTTT.Optimization;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// What map layer providers draw from: the loaded dataset and the analysis results, each computed once on first use
/// (thread-safe), so a view that needs no sharing layer never runs the sharing analysis.
/// </summary>
internal sealed class MapDataContext
{
    private readonly Lazy<Dataset> dataset;
    private readonly Lazy<IReadOnlyList<PostalAccess>> postalAccess;
    private readonly Lazy<ApprovalResult?> approval;
    private readonly Lazy<PlanResult?> plan;

    /// <param name="applicationsPath">The applications file to appraise for the approval view, when there is one.</param>
    /// <param name="appraised">The verdicts on that file when they are already known (so it is not appraised twice).</param>
    /// <param name="planned">The plan when it is already computed; otherwise the plan view computes one with the default targets.</param>
    public MapDataContext(Dataset dataset, DatasetSettings? settings, string? applicationsPath, ApprovalResult? appraised = null, PlanResult? planned = null)
        : this(new Lazy<Dataset>(dataset), settings, applicationsPath, appraised, planned)
    {
    }

    private MapDataContext(Lazy<Dataset> dataset, DatasetSettings? settings, string? applicationsPath, ApprovalResult? appraised, PlanResult? planned)
    {
        this.dataset = dataset;
        ApplicationsPath = applicationsPath;
        postalAccess = new(() => PostalAccessAnalysis.Run(Dataset));
        plan = new(() => planned ?? (Dataset.Settlements.Count > 0 ? PlanAnalysis.Run(Dataset, PlanTargets.Default, new CpSatCoverSolver()) : null));
        approval = new(() =>
        {
            if (appraised is not null)
            {
                return appraised;
            }

            if (applicationsPath is null || settings is null || !File.Exists(applicationsPath))
            {
                return null;
            }

            var entries = DatasetLoader.LoadApplications(applicationsPath, Dataset, settings);
            return entries.Succeeded ? ApprovalAnalysis.Run(Dataset, entries.Entries) : null;
        });
    }

    /// <summary>A context for a loaded dataset; the approval layers use <c>applications.csv</c> of a dataset folder.</summary>
    public static MapDataContext For(LoadResult loaded, string source) =>
        new(loaded.Dataset!, loaded.Settings, Directory.Exists(source) ? Path.Combine(source, "applications.csv") : null);

    /// <summary>
    /// A context whose dataset is loaded on first use (a PostGIS schema served as tiles by the database: only the result
    /// layers need it in memory). No applications file.
    /// </summary>
    public static MapDataContext Deferred(Func<Dataset> load) => new(new Lazy<Dataset>(load), null, null, null, null);

    public Dataset Dataset => dataset.Value;

    /// <summary>Whether the dataset is in memory (always, unless <see cref="Deferred"/> and not used yet).</summary>
    public bool IsLoaded => dataset.IsValueCreated;

    public string? ApplicationsPath { get; }

    /// <summary>Whether there is an applications file to appraise (checked without appraising it).</summary>
    public bool HasApplications => ApplicationsPath is not null && File.Exists(ApplicationsPath);

    public IReadOnlyList<PostalAccess> PostalAccess => postalAccess.Value;

    /// <summary>The passive-infrastructure plan (default targets unless given); null without settlements.</summary>
    public PlanResult? Plan => plan.Value;

    /// <summary>The verdicts on the applications file; null when there is none or it cannot be read.</summary>
    public ApprovalResult? Approval => approval.Value;
}
