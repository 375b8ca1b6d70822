using System.Text.Json;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads <c>rules.json</c> (README "rules.json" lists every key with its default and source). Absent values keep the
/// documented defaults of <see cref="ProvinceRules.Default"/>; a wrong value is a problem with the key as column.
/// Keys:
/// <list type="bullet">
/// <item><c>tower_classes</c>: array of names or of <c>{"name", "bulky", "max_tenants"}</c>; a bare name takes the
/// attributes of the default class of that name, else bulky with unknown tenants.</item>
/// <item><c>co_location_m</c>: number.</item>
/// <item><c>must_share_m</c>, <c>plan_tolerance_m</c>: <c>{"urban", "non_urban"}</c> or one number for both;
/// <c>plan_tolerance_m: null</c> switches the plan check off.</item>
/// <item><c>min_spacing_m</c>: array of <c>{"class", "above_height_m", "up_to_height_m", "urban", "non_urban"}</c>
/// (replaces the default table).</item>
/// <item><c>shared_duct</c>: <c>{"corridor_m", "min_length_m"}</c>.</item>
/// <item><c>indicators</c>: <c>{"fibre_reach_m"}</c>.</item>
/// <item><c>coverage</c>: <c>{"receiver_height_m", "beamwidth_deg", "max_attenuation_db", "technologies": {"2G": {"threshold_dbm",
/// "band_mhz", "eirp_dbm", "antenna_height_m"}, …}}</c>; absent keys keep the defaults of <see cref="CoverageRules.Default"/>.</item>
/// </list>
/// Other top-level keys are left to other analyses' settings.
/// </summary>
internal static class RulesReader
{
    public static ProvinceRules Read(string folder, string relativePath, bool explicitPath, ProblemCollector problems)
    {
        var path = Path.Combine(folder, relativePath);
        var file = relativePath;
        if (!File.Exists(path))
        {
            if (explicitPath)
            {
                problems.Add(ProblemCodes.MissingRequiredField, $"dataset.json names rules file '{relativePath}', which does not exist", SettingsReader.FileName, null, "rules");
            }

            return ProvinceRules.Default;
        }

        var text = TextFileReader.Read(path, file, problems);
        return text is null ? ProvinceRules.Default : Parse(text, file, problems);
    }

    /// <summary>Parses the text of a rules file; problems name <paramref name="file"/> and the key.</summary>
    public static ProvinceRules Parse(string text, string file, ProblemCollector problems)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(ProblemCodes.InvalidJson, "expected a JSON object", file);
                return ProvinceRules.Default;
            }

            return new Parser(file, problems).Rules(root);
        }
        catch (JsonException ex)
        {
            problems.Add(ProblemCodes.InvalidJson, $"not valid JSON: {ex.Message}", file, ex.LineNumber is { } l ? (int)l + 1 : null);
            return ProvinceRules.Default;
        }
    }

    private sealed class Parser(string file, ProblemCollector problems)
    {
        public ProvinceRules Rules(JsonElement root)
        {
            var rules = ProvinceRules.Default;
            if (root.TryGetProperty("tower_classes", out var classes))
            {
                rules = rules with { TowerClasses = TowerClasses(classes) ?? rules.TowerClasses };
            }

            if (root.TryGetProperty("indicators", out var indicators) && Object(indicators, "indicators", ["fibre_reach_m"]))
            {
                rules = rules with { FibreReachM = Positive(indicators, "fibre_reach_m", "indicators.fibre_reach_m") ?? rules.FibreReachM };
            }

            rules = rules with { CoLocationM = Positive(root, "co_location_m", "co_location_m") ?? rules.CoLocationM };
            if (root.TryGetProperty("must_share_m", out var mustShare))
            {
                rules = rules with { MustShareM = Pair(mustShare, "must_share_m") ?? rules.MustShareM };
            }

            if (root.TryGetProperty("plan_tolerance_m", out var tolerance))
            {
                rules = rules with { PlanToleranceM = tolerance.ValueKind == JsonValueKind.Null ? null : Pair(tolerance, "plan_tolerance_m") ?? rules.PlanToleranceM };
            }

            if (root.TryGetProperty("min_spacing_m", out var spacing))
            {
                rules = rules with { MinSpacing = Spacing(spacing, rules) ?? rules.MinSpacing };
            }
            else
            {
                // The default table names default classes; a province that drops one keeps only the rows it still has.
                rules = rules with { MinSpacing = [.. rules.MinSpacing.Where(r => rules.Class(r.Class) is not null)] };
            }

            if (root.TryGetProperty("shared_duct", out var duct) && Object(duct, "shared_duct", ["corridor_m", "min_length_m"]))
            {
                rules = rules with
                {
                    DuctCorridorM = Positive(duct, "corridor_m", "shared_duct.corridor_m") ?? rules.DuctCorridorM,
                    DuctMinLengthM = Positive(duct, "min_length_m", "shared_duct.min_length_m", allowZero: true) ?? rules.DuctMinLengthM,
                };
            }

            if (root.TryGetProperty("coverage", out var coverage) && Object(coverage, "coverage", ["receiver_height_m", "beamwidth_deg", "max_attenuation_db", "technologies"]))
            {
                rules = rules with { Coverage = Coverage(coverage, rules.Coverage) };
            }

            return rules;
        }

        private CoverageRules Coverage(JsonElement coverage, CoverageRules defaults)
        {
            var result = defaults with
            {
                ReceiverHeightM = Positive(coverage, "receiver_height_m", "coverage.receiver_height_m") ?? defaults.ReceiverHeightM,
                BeamwidthDeg = Positive(coverage, "beamwidth_deg", "coverage.beamwidth_deg") ?? defaults.BeamwidthDeg,
                MaxAttenuationDb = Positive(coverage, "max_attenuation_db", "coverage.max_attenuation_db") ?? defaults.MaxAttenuationDb,
            };
            if (result.BeamwidthDeg > 360)
            {
                Problem(ProblemCodes.ValueOutOfRange, "'coverage.beamwidth_deg' must be at most 360", "coverage.beamwidth_deg");
                result = result with { BeamwidthDeg = defaults.BeamwidthDeg };
            }

            if (!coverage.TryGetProperty("technologies", out var techs) || techs.ValueKind == JsonValueKind.Null)
            {
                return result;
            }

            // Unknown keys are reported; the known ones are still checked, so one run lists every problem.
            if (!Object(techs, "coverage.technologies", ["2G", "3G", "4G", "5G"]) && techs.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var property in techs.EnumerateObject())
            {
                var key = "coverage.technologies." + property.Name;
                if (!Core.Model.Codes.TryParseTechnology(property.Name, out var tech) || property.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                Object(property.Value, key, ["threshold_dbm", "band_mhz", "eirp_dbm", "antenna_height_m"]);

                var current = result.For(tech);
                result = result.With(tech, new TechnologyCoverage(
                    Signed(property.Value, "threshold_dbm", key + ".threshold_dbm") ?? current.ThresholdDbm,
                    Positive(property.Value, "band_mhz", key + ".band_mhz") ?? current.BandMHz,
                    Signed(property.Value, "eirp_dbm", key + ".eirp_dbm") ?? current.EirpDbm,
                    Positive(property.Value, "antenna_height_m", key + ".antenna_height_m") ?? current.AntennaHeightM));
            }

            return result;
        }

        /// <summary>A finite number of either sign (dBm), or null when absent.</summary>
        private double? Signed(JsonElement parent, string property, string key)
        {
            if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var v && double.IsFinite(v))
            {
                return v;
            }

            Problem(ProblemCodes.UnparsableNumber, $"'{key}' must be a number", key);
            return null;
        }

        private List<TowerClass>? TowerClasses(JsonElement classes)
        {
            if (classes.ValueKind != JsonValueKind.Array)
            {
                Problem(ProblemCodes.InvalidJson, "'tower_classes' must be an array", "tower_classes");
                return null;
            }

            var result = new List<TowerClass>();
            var ok = true;
            var i = 0;
            foreach (var item in classes.EnumerateArray())
            {
                var key = $"tower_classes[{i++}]";
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    var name = item.GetString()!.Trim();
                    result.Add(ProvinceRules.DefaultTowerClasses.FirstOrDefault(c => c.Name == name) ?? new TowerClass(name, true, null));
                    continue;
                }

                if (item.ValueKind != JsonValueKind.Object || !Object(item, key, ["name", "bulky", "max_tenants"])
                    || !item.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetString()))
                {
                    Problem(ProblemCodes.InvalidJson, "every tower class needs a name (a string, or an object with \"name\")", key);
                    ok = false;
                    continue;
                }

                var className = n.GetString()!.Trim();
                var fallback = ProvinceRules.DefaultTowerClasses.FirstOrDefault(c => c.Name == className);
                var bulky = fallback?.Bulky ?? true;
                if (item.TryGetProperty("bulky", out var b))
                {
                    if (b.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        bulky = b.GetBoolean();
                    }
                    else
                    {
                        Problem(ProblemCodes.InvalidJson, "'bulky' must be true or false", key + ".bulky");
                        ok = false;
                    }
                }

                var tenants = fallback?.MaxTenants;
                if (item.TryGetProperty("max_tenants", out var t) && t.ValueKind != JsonValueKind.Null)
                {
                    if (t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var v) && v is >= 1 and <= 20)
                    {
                        tenants = v;
                    }
                    else
                    {
                        Problem(ProblemCodes.ValueOutOfRange, "'max_tenants' must be a whole number from 1 to 20", key + ".max_tenants");
                        ok = false;
                    }
                }

                result.Add(new TowerClass(className, bulky, tenants));
            }

            foreach (var duplicate in result.GroupBy(c => Core.Model.Codes.Fold(c.Name)).Where(g => g.Count() > 1))
            {
                Problem(ProblemCodes.DuplicateId, $"tower class '{duplicate.First().Name}' is listed {duplicate.Count()} times", "tower_classes");
                ok = false;
            }

            return ok ? result : null;
        }

        private List<SpacingRule>? Spacing(JsonElement spacing, ProvinceRules rules)
        {
            if (spacing.ValueKind != JsonValueKind.Array)
            {
                Problem(ProblemCodes.InvalidJson, "'min_spacing_m' must be an array of {\"class\", \"above_height_m\", \"up_to_height_m\", \"urban\", \"non_urban\"}", "min_spacing_m");
                return null;
            }

            var result = new List<SpacingRule>();
            var ok = true;
            var i = 0;
            foreach (var item in spacing.EnumerateArray())
            {
                var key = $"min_spacing_m[{i++}]";
                if (item.ValueKind != JsonValueKind.Object || !Object(item, key, ["class", "above_height_m", "up_to_height_m", "urban", "non_urban"]))
                {
                    Problem(ProblemCodes.InvalidJson, "expected an object {\"class\", \"above_height_m\", \"up_to_height_m\", \"urban\", \"non_urban\"}", key);
                    ok = false;
                    continue;
                }

                var before = problems.Count;
                string? className = null;
                if (!item.TryGetProperty("class", out var c) || c.ValueKind != JsonValueKind.String)
                {
                    Problem(ProblemCodes.MissingValue, "'class' is required", key + ".class");
                }
                else if (rules.TowerClasses.FirstOrDefault(k => Core.Model.Codes.Fold(k.Name) == Core.Model.Codes.Fold(c.GetString()!)) is { } known)
                {
                    className = known.Name;
                }
                else
                {
                    Problem(ProblemCodes.UnknownTowerType, $"class '{c.GetString()}' is not in tower_classes", key + ".class");
                }

                var above = Positive(item, "above_height_m", key + ".above_height_m", allowZero: true);
                var upTo = Positive(item, "up_to_height_m", key + ".up_to_height_m", allowZero: true);
                var urban = Positive(item, "urban", key + ".urban", required: true);
                var nonUrban = Positive(item, "non_urban", key + ".non_urban", required: true);
                if (above is { } lo && upTo is { } hi && hi <= lo)
                {
                    Problem(ProblemCodes.ValueOutOfRange, "'up_to_height_m' must be above 'above_height_m'", key);
                }

                if (problems.Count > before || className is null || urban is null || nonUrban is null)
                {
                    ok = false;
                    continue;
                }

                result.Add(new SpacingRule(className, above, upTo, new DistancePair(urban.Value, nonUrban.Value)));
            }

            return ok ? result : null;
        }

        private DistancePair? Pair(JsonElement value, string key)
        {
            if (value.ValueKind == JsonValueKind.Number)
            {
                var both = PositiveValue(value, key);
                return both is { } m ? new DistancePair(m, m) : null;
            }

            if (value.ValueKind != JsonValueKind.Object || !Object(value, key, ["urban", "non_urban"]))
            {
                Problem(ProblemCodes.InvalidJson, $"'{key}' must be {{\"urban\": metres, \"non_urban\": metres}} or one number of metres", key);
                return null;
            }

            var urban = Positive(value, "urban", key + ".urban", required: true);
            var nonUrban = Positive(value, "non_urban", key + ".non_urban", required: true);
            return urban is { } u && nonUrban is { } n ? new DistancePair(u, n) : null;
        }

        /// <summary>Reports keys the object does not know, so a typo never passes silently.</summary>
        private bool Object(JsonElement value, string key, string[] known)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Problem(ProblemCodes.InvalidJson, $"'{key}' must be an object", key);
                return false;
            }

            var ok = true;
            foreach (var property in value.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    Problem(ProblemCodes.UnknownValue, $"unknown key '{property.Name}'; known: {string.Join(", ", known)}", $"{key}.{property.Name}");
                    ok = false;
                }
            }

            return ok;
        }

        private double? Positive(JsonElement parent, string property, string key, bool allowZero = false, bool required = false)
        {
            if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(ProblemCodes.MissingValue, $"'{key}' is required", key);
                }

                return null;
            }

            return PositiveValue(value, key, allowZero);
        }

        private double? PositiveValue(JsonElement value, string key, bool allowZero = false)
        {
            if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var m && double.IsFinite(m) && (m > 0 || (allowZero && m == 0)))
            {
                return m;
            }

            Problem(ProblemCodes.ValueOutOfRange, $"'{key}' must be a {(allowZero ? "non-negative" : "positive")} number of metres", key);
            return null;
        }

        private void Problem(string code, string message, string key) => problems.Add(code, message, file, null, key);
    }
}
