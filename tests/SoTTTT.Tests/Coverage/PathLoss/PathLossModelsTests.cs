using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Validation;

namespace SoTTTT.Tests.Coverage.PathLoss;

public class PathLossModelsTests
{
    [TestCase("free-space", typeof(FreeSpaceModel))]
    [TestCase("okumura-hata", typeof(OkumuraHataModel))]
    [TestCase("COST231-Hata", typeof(Cost231HataModel))]
    [TestCase("3gpp-rma", typeof(ThreeGppRmaModel))]
    [TestCase(" 3gpp-uma ", typeof(ThreeGppUmaModel))]
    public void ByName_KnownName_ReturnsModel(string name, Type type)
    {
        Assert.That(PathLossModels.ByName(name), Is.InstanceOf(type));
    }

    [Test]
    public void ByName_UnknownName_Null()
    {
        Assert.That(PathLossModels.ByName("hata"), Is.Null);
    }

    [Test]
    public void All_NamesAreUniqueAndEveryEnvironmentComputes()
    {
        Assert.That(PathLossModels.All.Select(m => m.Name), Is.Unique);
        foreach (var model in PathLossModels.All)
        {
            foreach (var env in model.Environments.DefaultIfEmpty(""))
            {
                var validity = model.Validity(env);
                var input = new PathLossInput(
                    Mid(validity.FreqMHz, 900),
                    Mid(validity.DistanceKm, 1),
                    validity.BaseHeightM is { } hb ? Mid(hb, 30) : null,
                    validity.MobileHeightM is { } hm ? Mid(hm, 1.5) : null,
                    env);
                var result = model.LossDb(input);
                Assert.That(result.Extrapolated, Is.False, $"{model.Name}/{env}");
                Assert.That(result.LossDb, Is.GreaterThan(0), $"{model.Name}/{env}");
            }
        }
    }

    [Test]
    public void Validate_BadValuesAndMissingEnvironment_ReportsEachParameter()
    {
        var problems = PathLossInputValidator.Validate(new OkumuraHataModel(), new PathLossInput(double.NaN, -1, null, 0, ""));
        Assert.That(
            problems.Select(p => (p.Code, p.Parameter)),
            Is.EqualTo(new[]
            {
                (ProblemCodes.ValueOutOfRange, "freq_mhz"),
                (ProblemCodes.ValueOutOfRange, "dist_km"),
                (ProblemCodes.MissingValue, "hb_m"),
                (ProblemCodes.ValueOutOfRange, "hm_m"),
                (ProblemCodes.MissingValue, "env"),
            }));
    }

    [Test]
    public void Validate_FreeSpaceWithoutHeightsOrEnvironment_NoProblem()
    {
        Assert.That(PathLossInputValidator.Validate(new FreeSpaceModel(), new PathLossInput(900, 1, null, null, "")), Is.Empty);
    }

    [TestCase("free-space", "urban")]
    [TestCase("3gpp-uma", "urban")]
    [TestCase("cost231-hata", "open")]
    public void Validate_EnvironmentNotOfModel_UnknownEnvironment(string modelName, string env)
    {
        var problems = PathLossInputValidator.Validate(PathLossModels.ByName(modelName)!, new PathLossInput(1800, 1, 30, 1.5, env));
        Assert.That(problems.Select(p => p.Code), Is.EqualTo(new[] { ProblemCodes.UnknownEnvironment }));
    }

    private static double Mid(ParameterRange range, double fallback) =>
        double.IsFinite(range.Max) ? (range.Min + range.Max) / 2 : fallback;
}
