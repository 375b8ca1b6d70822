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
/// <item><c>coverage</c>: <c>{"receiver_height_m", "beamwidth_deg", "max_attenuation_db", "place", "body_loss_db",
/// "in_car_loss_db", "indoor_loss_db", "cell_edge_probability_pct", "shadowing_sigma_db", "max_range_km", "technologies":
/// {"2G": {"threshold_dbm", "band_mhz", "eirp_dbm", "antenna_height_m"}, "3G": {…, "pilot_share_pct"}, "4G": {…,
/// "bandwidth_mhz"}, "5G": {…, "bandwidth_mhz", "subcarrier_spacing_khz"}}}</c>; absent keys keep the defaults of
/// <see cref="CoverageRules.Default"/>.</item>
/// </list>
/// Other top-level keys are left to other analyses' settings.
/// </summary>
internal static class RulesReader
{
    public static ProvinceRules Read(string folder, string relativePath, bool explicitPath, ProblemCollector problems)
    {
        var file = relativePath;
        var path = SettingsReader.InsideDataset(folder, relativePath, "rules", problems);
        if (path is null)
        {
            return ProvinceRules.Default;
        }

        if (SafeFile.KindOf(path) == FileKind.Missing)
        {
            if (explicitPath)
            {
                problems.Add(ProblemCodes.MissingRequiredField, $"dataset.json names rules file '{relativePath}', which does not exist", SettingsReader.FileName, null, "rules");
            }

            return ProvinceRules.Default;
        }

        var text = TextFileReader.Read(path, file, problems, SafeFile.SettingsLimitBytes);
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
        /// <summary>Most any distance of the rules may be (spacing, must-share, fibre reach, plan tolerance): 100 km.</summary>
        private const double MaxDistanceM = 100_000;

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
            rules = rules with { NearestUnitM = Positive(root, "nearest_unit_m", "nearest_unit_m", allowZero: true) ?? rules.NearestUnitM };
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

            if (root.TryGetProperty("coverage", out var coverage) && coverage.ValueKind == JsonValueKind.Object)
            {
                Object(coverage, "coverage", CoverageKeys);
                rules = rules with { Coverage = Coverage(coverage, rules.Coverage) };
            }
            else if (root.TryGetProperty("coverage", out var notObject) && notObject.ValueKind != JsonValueKind.Null)
            {
                Problem(ProblemCodes.InvalidJson, "'coverage' must be an object", "coverage");
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

            result = result with
            {
                Place = Place(coverage) ?? defaults.Place,
                BodyLossDb = Ranged(coverage, "body_loss_db", "coverage.body_loss_db", 0, 40, "dB") ?? defaults.BodyLossDb,
                InCarLossDb = Ranged(coverage, "in_car_loss_db", "coverage.in_car_loss_db", 0, 40, "dB") ?? defaults.InCarLossDb,
                IndoorLossDb = ByEnvironment(coverage, "indoor_loss_db", "coverage.indoor_loss_db", 0, 60, "dB") ?? defaults.IndoorLossDb,
                CellEdgeProbabilityPct = Ranged(coverage, "cell_edge_probability_pct", "coverage.cell_edge_probability_pct", 1, 99.9, "%") ?? defaults.CellEdgeProbabilityPct,
                ShadowingSigmaDb = ByEnvironment(coverage, "shadowing_sigma_db", "coverage.shadowing_sigma_db", 0, 20, "dB") ?? defaults.ShadowingSigmaDb,
                MaxRangeKm = Ranged(coverage, "max_range_km", "coverage.max_range_km", 0.1, 200, "km") ?? defaults.MaxRangeKm,
                Terrain = Terrain(coverage, defaults.Terrain),
            };

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

                string[] known = tech switch
                {
                    Core.Model.Technology.G3 => [.. TechnologyKeys, "pilot_share_pct"],
                    Core.Model.Technology.G4 => [.. TechnologyKeys, "bandwidth_mhz"],
                    Core.Model.Technology.G5 => [.. TechnologyKeys, "bandwidth_mhz", "subcarrier_spacing_khz"],
                    _ => TechnologyKeys,
                };
                Object(property.Value, key, known);

                var current = result.For(tech);
                var settings = new TechnologyCoverage(
                    Ranged(property.Value, "threshold_dbm", key + ".threshold_dbm", -160, 0, "dBm") ?? current.ThresholdDbm,
                    Positive(property.Value, "band_mhz", key + ".band_mhz") ?? current.BandMHz,
                    Ranged(property.Value, "eirp_dbm", key + ".eirp_dbm", -30, 100, "dBm") ?? current.EirpDbm,
                    Positive(property.Value, "antenna_height_m", key + ".antenna_height_m") ?? current.AntennaHeightM)
                {
                    BandwidthMHz = current.BandwidthMHz,
                    SubcarrierSpacingKHz = current.SubcarrierSpacingKHz,
                    PilotSharePct = current.PilotSharePct,
                };
                settings = tech switch
                {
                    Core.Model.Technology.G3 => settings with { PilotSharePct = Ranged(property.Value, "pilot_share_pct", key + ".pilot_share_pct", 1, 100, "%") ?? current.PilotSharePct },
                    Core.Model.Technology.G4 => settings with { BandwidthMHz = Ranged(property.Value, "bandwidth_mhz", key + ".bandwidth_mhz", 1, 400, "MHz") ?? current.BandwidthMHz },
                    Core.Model.Technology.G5 => settings with
                    {
                        BandwidthMHz = Ranged(property.Value, "bandwidth_mhz", key + ".bandwidth_mhz", 1, 400, "MHz") ?? current.BandwidthMHz,
                        SubcarrierSpacingKHz = Ranged(property.Value, "subcarrier_spacing_khz", key + ".subcarrier_spacing_khz", 15, 60, "kHz") ?? current.SubcarrierSpacingKHz,
                    },
                    _ => settings,
                };
                result = result.With(tech, Channel(tech, settings, current, key));
            }

            return result;
        }

        private static readonly string[] CoverageKeys =
        [
            "receiver_height_m", "beamwidth_deg", "max_attenuation_db", "place", "body_loss_db", "in_car_loss_db", "indoor_loss_db",
            "cell_edge_probability_pct", "shadowing_sigma_db", "max_range_km", "terrain", "technologies",
        ];

        private static readonly string[] TerrainKeys =
        [
            "climate", "surface_refractivity_n", "permittivity", "conductivity_s_per_m", "polarization", "profile_step_m",
            "effective_height_inner_km", "effective_height_outer_km",
        ];

        private static readonly string[] TechnologyKeys = ["threshold_dbm", "band_mhz", "eirp_dbm", "antenna_height_m"];

        /// <summary>The 4G/5G channel must be one of the 3GPP tables the reference-signal offset comes from; else the previous settings stay.</summary>
        private TechnologyCoverage Channel(Core.Model.Technology tech, TechnologyCoverage settings, TechnologyCoverage current, string key)
        {
            if (tech == Core.Model.Technology.G4 && settings.BandwidthMHz is { } lte && Core.Coverage.ReferenceSignal.LteResourceBlocks(lte) is null)
            {
                Problem(ProblemCodes.ValueOutOfRange, $"'{key}.bandwidth_mhz' must be an LTE channel bandwidth: 1.4, 3, 5, 10, 15 or 20 MHz (3GPP TS 36.101 Table 5.6-1)", key + ".bandwidth_mhz");
                return settings with { BandwidthMHz = current.BandwidthMHz };
            }

            if (tech == Core.Model.Technology.G5 && settings.SubcarrierSpacingKHz is { } scs && settings.BandwidthMHz is { } nr
                && Core.Coverage.ReferenceSignal.NrResourceBlocks(nr, scs) is null)
            {
                Problem(ProblemCodes.ValueOutOfRange, $"'{key}': {nr.ToString(System.Globalization.CultureInfo.InvariantCulture)} MHz at {scs.ToString(System.Globalization.CultureInfo.InvariantCulture)} kHz is not an NR channel of 3GPP TS 38.101-1 Table 5.3.2-1 (subcarrier spacing 15, 30 or 60 kHz)", key + ".bandwidth_mhz");
                return settings with { BandwidthMHz = current.BandwidthMHz, SubcarrierSpacingKHz = current.SubcarrierSpacingKHz };
            }

            return settings;
        }

        private TerrainRules Terrain(JsonElement coverage, TerrainRules defaults)
        {
            if (!coverage.TryGetProperty("terrain", out var terrain) || terrain.ValueKind == JsonValueKind.Null)
            {
                return defaults;
            }

            if (terrain.ValueKind != JsonValueKind.Object)
            {
                Problem(ProblemCodes.InvalidJson, "'coverage.terrain' must be an object", "coverage.terrain");
                return defaults;
            }

            Object(terrain, "coverage.terrain", TerrainKeys);
            const string K = "coverage.terrain.";
            var result = defaults with
            {
                SurfaceRefractivityN = Ranged(terrain, "surface_refractivity_n", K + "surface_refractivity_n", 250, 400, "N") ?? defaults.SurfaceRefractivityN,
                Permittivity = Ranged(terrain, "permittivity", K + "permittivity", 1, 100, string.Empty) ?? defaults.Permittivity,
                ConductivitySPerM = Ranged(terrain, "conductivity_s_per_m", K + "conductivity_s_per_m", 0.00001, 100, "S/m") ?? defaults.ConductivitySPerM,
                ProfileStepM = Ranged(terrain, "profile_step_m", K + "profile_step_m", 1, 1000, "m") ?? defaults.ProfileStepM,
                EffectiveHeightInnerKm = Ranged(terrain, "effective_height_inner_km", K + "effective_height_inner_km", 0, 50, "km") ?? defaults.EffectiveHeightInnerKm,
                EffectiveHeightOuterKm = Ranged(terrain, "effective_height_outer_km", K + "effective_height_outer_km", 1, 100, "km") ?? defaults.EffectiveHeightOuterKm,
            };
            if (Ranged(terrain, "climate", K + "climate", 1, 7, string.Empty) is { } climate)
            {
                if (climate == Math.Floor(climate))
                {
                    result = result with { Climate = (Core.Coverage.PathLoss.RadioClimate)(int)climate };
                }
                else
                {
                    Problem(ProblemCodes.ValueOutOfRange, $"'{K}climate' must be a whole number 1–7 (ITM radio climates)", K + "climate");
                }
            }

            if (terrain.TryGetProperty("polarization", out var polarization) && polarization.ValueKind != JsonValueKind.Null)
            {
                switch (polarization.ValueKind == JsonValueKind.String ? Core.Model.Codes.Fold(polarization.GetString() ?? string.Empty) : string.Empty)
                {
                    case "v" or "vertical":
                        result = result with { Polarization = Core.Coverage.PathLoss.Polarization.Vertical };
                        break;
                    case "h" or "horizontal":
                        result = result with { Polarization = Core.Coverage.PathLoss.Polarization.Horizontal };
                        break;
                    default:
                        Problem(ProblemCodes.UnknownValue, $"'{K}polarization' must be \"v\" or \"h\"", K + "polarization");
                        break;
                }
            }

            if (result.EffectiveHeightInnerKm >= result.EffectiveHeightOuterKm)
            {
                Problem(ProblemCodes.ValueOutOfRange, $"'{K}effective_height_inner_km' must be less than '{K}effective_height_outer_km'", K + "effective_height_inner_km");
                result = result with { EffectiveHeightInnerKm = defaults.EffectiveHeightInnerKm, EffectiveHeightOuterKm = defaults.EffectiveHeightOuterKm };
            }

            return result;
        }

        private ReceiverPlace? Place(JsonElement coverage)
        {
            if (!coverage.TryGetProperty("place", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            switch (value.ValueKind == JsonValueKind.String ? Core.Model.Codes.Fold(value.GetString() ?? string.Empty) : string.Empty)
            {
                case "outdoor":
                    return ReceiverPlace.Outdoor;
                case "incar":
                    return ReceiverPlace.InCar;
                case "indoor":
                    return ReceiverPlace.Indoor;
                default:
                    Problem(ProblemCodes.UnknownValue, "'coverage.place' must be \"outdoor\", \"in_car\" or \"indoor\"", "coverage.place");
                    return null;
            }
        }

        /// <summary><c>{"urban", "suburban", "rural"}</c> (all three) or one number for every environment, each within [min, max].</summary>
        private EnvironmentValues? ByEnvironment(JsonElement parent, string property, string key, double min, double max, string unit)
        {
            if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                return Ranged(parent, property, key, min, max, unit) is { } all ? EnvironmentValues.All(all) : null;
            }

            if (value.ValueKind != JsonValueKind.Object || !Object(value, key, ["urban", "suburban", "rural"]))
            {
                Problem(ProblemCodes.InvalidJson, $"'{key}' must be {{\"urban\": {unit}, \"suburban\": {unit}, \"rural\": {unit}}} or one number", key);
                return null;
            }

            var urban = Ranged(value, "urban", key + ".urban", min, max, unit, required: true);
            var suburban = Ranged(value, "suburban", key + ".suburban", min, max, unit, required: true);
            var rural = Ranged(value, "rural", key + ".rural", min, max, unit, required: true);
            return urban is { } u && suburban is { } s && rural is { } r ? new EnvironmentValues(u, s, r) : null;
        }

        /// <summary>A finite number within [min, max], or null when absent or wrong (reported).</summary>
        private double? Ranged(JsonElement parent, string property, string key, double min, double max, string unit, bool required = false)
        {
            if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(ProblemCodes.MissingValue, $"'{key}' is required", key);
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
            {
                Problem(ProblemCodes.UnparsableNumber, $"'{key}' must be a number", key);
                return null;
            }

            var v = value.GetDouble();
            if (v < min || v > max)
            {
                var inv = System.Globalization.CultureInfo.InvariantCulture;
                Problem(ProblemCodes.ValueOutOfRange, $"'{key}' = {v.ToString(inv)} {unit} is outside {min.ToString(inv)}…{max.ToString(inv)} {unit}", key);
                return null;
            }

            return v;
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
                var (ceiling, unit) = Ceiling(key);
                if (m > ceiling)
                {
                    var inv = System.Globalization.CultureInfo.InvariantCulture;
                    Problem(ProblemCodes.ValueOutOfRange, $"'{key}' = {m.ToString(inv)} {unit} is above the plausible {ceiling.ToString("#,0.##", inv)} {unit} (README \"Limits\")", key);
                    return null;
                }

                return m;
            }

            Problem(ProblemCodes.ValueOutOfRange, $"'{key}' must be a {(allowZero ? "non-negative" : "positive")} number of metres", key);
            return null;
        }

        /// <summary>The plausible maximum of a positive rules value, by its key's last part (README "Limits"); 100 km for other distances.</summary>
        private static (double Max, string Unit) Ceiling(string key) => key[(key.LastIndexOf('.') + 1)..] switch
        {
            "co_location_m" or "corridor_m" => (1_000, "m"),
            "receiver_height_m" => (100, "m"),
            "antenna_height_m" or "above_height_m" or "up_to_height_m" => (1_000, "m"),
            "beamwidth_deg" => (360, "°"),
            "max_attenuation_db" => (300, "dB"),
            "band_mhz" => (100_000, "MHz"),
            _ => (MaxDistanceM, "m"),
        };

        private void Problem(string code, string message, string key) => problems.Add(code, message, file, null, key);
    }
}
