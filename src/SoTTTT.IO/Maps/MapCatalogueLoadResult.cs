using SoTTTT.Core.Maps;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Maps;

/// <summary>The map catalogue read from a <c>maps/</c> folder, or every problem found (then <see cref="Catalogue"/> is null).</summary>
public sealed record MapCatalogueLoadResult(MapCatalogue? Catalogue, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => Catalogue is not null && Problems.Count == 0;
}
