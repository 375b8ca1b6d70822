using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using SoTTTT.Cli.Resident;
using SoTTTT.IO.Caching;

namespace SoTTTT.Front;

/// <summary>
/// The <c>sotttt</c> command as a native program (Native AOT): a dataset command goes to this build's resident process
/// (<c>sotttt daemon</c>) exactly as the .NET program's own client sends it (<see cref="ResidentProtocol"/>); anything
/// else, or when no resident process of this build runs, or when it answers that the caller should run the command,
/// becomes the .NET program itself (<see cref="NetProgram"/> beside this file) by <c>execv</c>: the same process, with
/// the same arguments, environment, working folder and streams. It writes nothing of its own except when that program
/// cannot be started.
/// </summary>
internal static partial class Program
{
    /// <summary>The .NET program's own launcher (its apphost), beside this file.</summary>
    internal const string NetProgram = "sotttt-net";

    /// <summary>The three assemblies whose module ids name the build (<see cref="ResidentProtocol.BuildOf"/>), in that order.</summary>
    private static readonly string[] BuildAssemblies = ["sotttt.dll", "SoTTTT.Core.dll", "SoTTTT.IO.dll"];

    private static int Main(string[] args)
    {
        var folder = AppContext.BaseDirectory;
        if (Forward(folder, args) is { } exit)
        {
            return exit;
        }

        return Exec(Path.Combine(folder, NetProgram), args);
    }

    /// <summary>The resident process's exit code for the command, or null when this build's is not there or will not run it.</summary>
    private static int? Forward(string folder, string[] args)
    {
        string? build = null;
        if (ResidentProtocol.SocketFor(args, CacheFolderRule.FromEnvironment(), () => build = BuildIn(folder)) is not { } socket
            || build is null || UnixSocketStream.Connect(socket) is not { } stream)
        {
            return null;
        }

        using (stream)
        {
            using var stdout = Console.OpenStandardOutput();
            using var stderr = Console.OpenStandardError();
            return ResidentProtocol.Exchange(stream, ResidentProtocol.Encode(ResidentProtocol.RequestOf(build, args)), stdout, stderr);
        }
    }

    /// <summary>The build's name from the module ids of its assemblies in <paramref name="folder"/>, or null when one cannot be read.</summary>
    internal static string? BuildIn(string folder)
    {
        var ids = new Guid[BuildAssemblies.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            try
            {
                using var file = File.OpenRead(Path.Combine(folder, BuildAssemblies[i]));
                using var pe = new PEReader(file);
                var metadata = pe.GetMetadataReader();
                ids[i] = metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
            {
                return null;
            }
        }

        return ResidentProtocol.BuildOf(ids);
    }

    /// <summary>Becomes <paramref name="program"/> with <paramref name="args"/>; returns only when it cannot (then says so, exit 1).</summary>
    private static int Exec(string program, string[] args)
    {
        var argv = new IntPtr[args.Length + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8("sotttt");
            for (var i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            _ = NativeMethods.Execv(program, argv);
            var error = Marshal.GetLastPInvokeError();
            using var stderr = Console.OpenStandardError();
            stderr.Write(System.Text.Encoding.UTF8.GetBytes($"sotttt: cannot start the .NET program {program} (errno {error}); reinstall sotttt (dotnet publish src/SoTTTT.Cli)\n"));
            return 1;
        }
        finally
        {
            foreach (var p in argv)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int Execv(string path, [In] IntPtr[] argv);
    }
}
