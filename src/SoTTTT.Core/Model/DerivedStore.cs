using System.Runtime.CompilerServices;

namespace SoTTTT.Core.Model;

/// <summary>
/// Where results computed from a dataset can be kept for the next command on the same inputs: beside the dataset cache,
/// under the same fingerprint of every input file (and the DEM's), so a result is read back only for exactly the
/// inputs and the build that made it. A store only saves time: a read that finds nothing valid gives null, a write that
/// fails is dropped.
/// </summary>
public interface IDerivedStore
{
    /// <summary>The bytes kept under <paramref name="name"/> for these inputs, or null.</summary>
    byte[]? Read(string name);

    /// <summary>Keeps <paramref name="content"/> under <paramref name="name"/> for these inputs.</summary>
    void Write(string name, ReadOnlySpan<byte> content);
}

/// <summary>
/// The store of each dataset as the loader made it, by reference: a copy (<c>dataset with { … }</c>, another object)
/// has none, so a changed dataset never meets results kept for the files.
/// </summary>
public static class DerivedStores
{
    private static readonly ConditionalWeakTable<Dataset, IDerivedStore> Stores = [];

    public static void Attach(Dataset dataset, IDerivedStore store) => Stores.AddOrUpdate(dataset, store);

    public static IDerivedStore? Of(Dataset dataset) => Stores.TryGetValue(dataset, out var store) ? store : null;
}
