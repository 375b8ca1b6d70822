using System.Text.Json;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Planning;

/// <summary>
/// Reads a plan targets file (<c>plan --targets FILE</c>, README "plan" lists every key with its default). Absent keys
/// keep the defaults of <see cref="PlanTargets.Default"/>; a wrong value or an unknown key is a problem naming the key.
/// Tower classes must be classes of the dataset's rules.
/// </summary>
public static class PlanTargetsReader
{
    /// <summary>Reads and checks a targets file; the targets are null when there are problems.</summary>
    public static (PlanTargets? Targets, IReadOnlyList<ValidationProblem> Problems) Read(string path, ProvinceRules rules)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return (null, [new ValidationProblem(ProblemCodes.SourceUnavailable, $"targets file '{path}' does not exist", file, null, null, null)]);
        }

        if (SafeFile.Refusal(path, SafeFile.SettingsLimitBytes, out var refusal) is { } why)
        {
            return (null, [new ValidationProblem(refusal, why, file, null, null, null)]);
        }

        return Parse(System.Text.Encoding.UTF8.GetString(SafeFile.ReadAllBytes(path, SafeFile.SettingsLimitBytes)), file, rules);
    }

    /// <summary>Parses the text of a targets file.</summary>
    public static (PlanTargets? Targets, IReadOnlyList<ValidationProblem> Problems) Parse(string text, string file, ProvinceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<ValidationProblem>();
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ValidationProblem(ProblemCodes.InvalidJson, "expected a JSON object", file, null, null, null)]);
            }

            var targets = new Parser(file, rules, problems).Targets(doc.RootElement);
            return problems.Count == 0 ? (targets, problems) : (null, problems);
        }
        catch (JsonException ex)
        {
            return (null, [new ValidationProblem(ProblemCodes.InvalidJson, ex.Message, file, null, null, null)]);
        }
    }

    private sealed class Parser(string file, ProvinceRules rules, List<ValidationProblem> problems)
    {
        private static readonly string[] TopKeys =
        [
            "period", "phases", "coverage", "remote_communes", "remote_weight", "min_operators", "fibre", "underground_pct_by_phase",
            "convert_phase", "consolidate_phase", "grid_m", "towers", "costs", "share_existing_towers", "use_public_sites",
        ];

        public PlanTargets Targets(JsonElement root)
        {
            var d = PlanTargets.Default;
            Known(root, string.Empty, TopKeys);
            int from = d.FromYear, to = d.ToYear, outlook = d.OutlookYear;
            if (Get(root, "period") is { } period)
            {
                Known(period, "period.", ["from", "to", "outlook"]);
                from = Int(period, "period.from", "from", 2000, 2100) ?? from;
                to = Int(period, "period.to", "to", 2000, 2100) ?? to;
                outlook = Int(period, "period.outlook", "outlook", 2000, 2150) ?? outlook;
                if (to < from || outlook < to)
                {
                    Problem(ProblemCodes.ValueOutOfRange, "period: expected from ≤ to ≤ outlook", "period");
                }
            }

            var phases = d.Phases;
            if (Get(root, "phases") is { ValueKind: JsonValueKind.Array } list)
            {
                var read = new List<PlanPhase>();
                var i = 0;
                foreach (var p in list.EnumerateArray())
                {
                    var key = $"phases[{i}]";
                    Known(p, key + ".", ["from", "to", "budget", "budget_pct", "orientation"]);
                    var phaseFrom = Int(p, key + ".from", "from", 2000, 2150) ?? from;
                    var phaseTo = Int(p, key + ".to", "to", 2000, 2150) ?? phaseFrom;
                    read.Add(new PlanPhase(i + 1, phaseFrom, phaseTo, Int(p, key + ".budget", "budget", 0, 1_000_000), Number(p, key + ".budget_pct", "budget_pct", 0, 100), Bool(p, key + ".orientation", "orientation") ?? phaseFrom > to));
                    i++;
                }

                if (read.Count == 0)
                {
                    Problem(ProblemCodes.ValueOutOfRange, "at least one phase", "phases");
                }
                else
                {
                    phases = read;
                }
            }
            else if (Get(root, "phases") is not null)
            {
                Problem(ProblemCodes.UnknownValue, "expected an array of phases", "phases");
            }

            var coverage = d.Coverage;
            if (Get(root, "coverage") is { ValueKind: JsonValueKind.Object } cov)
            {
                var read = new List<CoverageTarget>();
                foreach (var prop in cov.EnumerateObject())
                {
                    if (!Codes.TryParseTechnology(prop.Name, out var tech))
                    {
                        Problem(ProblemCodes.UnknownTech, $"'{prop.Name}' is not a technology (2G, 3G, 4G, 5G)", "coverage." + prop.Name);
                        continue;
                    }

                    double? share = prop.Value.ValueKind == JsonValueKind.Null ? null : Number(cov, "coverage." + prop.Name, prop.Name, 0, 100);
                    read.Add(new CoverageTarget(tech, share));
                }

                coverage = [.. read.OrderBy(t => t.Tech)];
            }

            var targets = new PlanTargets(from, to, outlook, phases, coverage);
            if (Get(root, "remote_communes") is { ValueKind: JsonValueKind.Array } remote)
            {
                targets = targets with { RemoteCommunes = [.. remote.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString() ?? string.Empty)] };
            }

            targets = targets with
            {
                RemoteWeight = Number(root, "remote_weight", "remote_weight", 1, 100) ?? d.RemoteWeight,
                MinOperators = Int(root, "min_operators", "min_operators", 1, 10) ?? d.MinOperators,
                ConvertPhase = Int(root, "convert_phase", "convert_phase", 1, phases.Count) ?? d.ConvertPhase,
                ConsolidatePhase = Int(root, "consolidate_phase", "consolidate_phase", 1, phases.Count) ?? Math.Min(d.ConsolidatePhase, phases.Count),
                GridM = Number(root, "grid_m", "grid_m", 25, 10_000) ?? d.GridM,
                ShareExistingTowers = Bool(root, "share_existing_towers", "share_existing_towers") ?? d.ShareExistingTowers,
                UsePublicSites = Bool(root, "use_public_sites", "use_public_sites") ?? d.UsePublicSites,
            };

            if (Get(root, "underground_pct_by_phase") is { ValueKind: JsonValueKind.Array } pcts)
            {
                var values = pcts.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).ToList();
                if (values.Any(v => double.IsNaN(v) || v < 0 || v > 100))
                {
                    Problem(ProblemCodes.ValueOutOfRange, "expected percentages 0–100", "underground_pct_by_phase");
                }
                else
                {
                    targets = targets with { UndergroundPctByPhase = values };
                }
            }

            if (Get(root, "fibre") is { } fibre)
            {
                Known(fibre, "fibre.", ["commune_centres", "commune_centres_phase", "village_share_pct", "villages_phase", "detour_factor"]);
                var f = d.Fibre;
                targets = targets with
                {
                    Fibre = new FibreTargets(
                        Bool(fibre, "fibre.commune_centres", "commune_centres") ?? f.CommuneCentres,
                        Int(fibre, "fibre.commune_centres_phase", "commune_centres_phase", 1, phases.Count) ?? f.CommuneCentresPhase,
                        Number(fibre, "fibre.village_share_pct", "village_share_pct", 0, 100) ?? f.VillageSharePct,
                        Int(fibre, "fibre.villages_phase", "villages_phase", 1, phases.Count) ?? Math.Min(f.VillagesPhase, phases.Count),
                        Number(fibre, "fibre.detour_factor", "detour_factor", 1, 5) ?? f.DetourFactor),
                };
            }

            if (Get(root, "towers") is { } towers)
            {
                Known(towers, "towers.", ["rural", "urban", "non_bulky"]);
                targets = targets with
                {
                    Rural = Design(towers, "rural", d.Rural, bulky: null),
                    Urban = Design(towers, "urban", d.Urban, bulky: null),
                    NonBulky = Design(towers, "non_bulky", d.NonBulky, bulky: false),
                };
            }

            if (Get(root, "costs") is { } costs)
            {
                Known(costs, "costs.", ["share_existing", "public_site", "previous", "grid"]);
                var c = d.Costs;
                targets = targets with
                {
                    Costs = new PlanCosts(
                        Number(costs, "costs.share_existing", "share_existing", 0.001, 1000) ?? c.ShareExisting,
                        Number(costs, "costs.public_site", "public_site", 0.001, 1000) ?? c.PublicSite,
                        Number(costs, "costs.previous", "previous", 0.001, 1000) ?? c.Previous,
                        Number(costs, "costs.grid", "grid", 0.001, 1000) ?? c.Grid),
                };
            }

            return targets;
        }

        private TowerDesign Design(JsonElement towers, string name, TowerDesign fallback, bool? bulky)
        {
            if (Get(towers, name) is not { } e)
            {
                return fallback;
            }

            var key = "towers." + name;
            Known(e, key + ".", ["class", "height_m"]);
            var cls = Get(e, "class")?.GetString() ?? fallback.Class;
            if (rules.Class(cls) is not { } known)
            {
                Problem(ProblemCodes.UnknownTowerType, $"'{cls}' is not a tower class of the rules", key + ".class");
            }
            else if (bulky is { } b && known.Bulky != b)
            {
                Problem(ProblemCodes.ValueOutOfRange, $"'{cls}' must be a non-bulky class", key + ".class");
            }

            return new TowerDesign(cls, Number(e, key + ".height_m", "height_m", 1, 300) ?? fallback.HeightM);
        }

        private static JsonElement? Get(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : null;

        private void Known(JsonElement obj, string prefix, string[] keys)
        {
            if (obj.ValueKind != JsonValueKind.Object)
            {
                Problem(ProblemCodes.UnknownValue, "expected an object", prefix.TrimEnd('.'));
                return;
            }

            foreach (var prop in obj.EnumerateObject())
            {
                if (!keys.Contains(prop.Name))
                {
                    Problem(ProblemCodes.UnknownValue, $"unknown key '{prop.Name}' (known: {string.Join(", ", keys)})", prefix + prop.Name);
                }
            }
        }

        private double? Number(JsonElement obj, string key, string name, double min, double max)
        {
            if (Get(obj, name) is not { } e || e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.Number)
            {
                Problem(ProblemCodes.UnparsableNumber, "expected a number", key);
                return null;
            }

            var v = e.GetDouble();
            if (v < min || v > max)
            {
                Problem(ProblemCodes.ValueOutOfRange, $"{v} is outside {min}–{max}", key);
                return null;
            }

            return v;
        }

        private int? Int(JsonElement obj, string key, string name, int min, int max) =>
            Number(obj, key, name, min, max) is { } v ? (int)Math.Round(v) : null;

        private bool? Bool(JsonElement obj, string key, string name)
        {
            if (Get(obj, name) is not { } e || e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(ProblemCodes.UnknownValue, "expected true or false", key);
                return null;
            }

            return e.GetBoolean();
        }

        private void Problem(string code, string message, string key) => problems.Add(new ValidationProblem(code, message, file, null, key, null));
    }
}
