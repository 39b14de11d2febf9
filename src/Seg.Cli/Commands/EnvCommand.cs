using System.CommandLine;
using System.Reflection;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg env`: what Seg runs on (versions, BLAS, threads, devices).
internal static class EnvCommand
{
    internal static Command Create()
    {
        var command = new Command("env", "Show Seg's version, the libtorch and OpenCV it uses, threads and CUDA devices.");
        command.SetAction(_ =>
        {
            foreach (var (key, value) in Describe()) Console.WriteLine($"{key,-28}{value}");
            return 0;
        });
        return command;
    }

    internal static IEnumerable<(string Key, string Value)> Describe()
    {
        var version = typeof(EnvCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        yield return ("Seg", version.Split('+')[0]);
        yield return (".NET", Environment.Version.ToString());
        yield return ("libtorch (compiled against)", torch.__version__);
        yield return ("libtorch (loaded)", torch.LoadedTorchVersion ?? "unknown");
        yield return ("OpenCV", torch.OpenCvVersion);
        yield return ("BLAS", BlasLibrary.Describe());
        yield return ("intra-op threads", torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("inter-op threads", torch.get_num_interop_threads().ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("cores available", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cuda = torch.cuda.is_available();
        yield return ("CUDA available", cuda ? "yes" : "no");
        yield return ("CUDA devices", torch.cuda.device_count().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
