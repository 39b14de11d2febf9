namespace Seg.Cli.Tests;

// `seg env` names the BLAS library libtorch's matrix products use: the file the system's libblas.so.3 resolves to.
public class EnvBlasTests
{
    [Test]
    public void Env_names_the_BLAS_that_libblas_so_3_resolves_to()
    {
        const string link = "/usr/lib/x86_64-linux-gnu/libblas.so.3";
        if (!File.Exists(link)) Assert.Ignore($"{link} does not exist here");
        var expected = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? link;

        var blas = Seg.Cli.Commands.EnvCommand.Describe().Single(e => e.Key == "BLAS").Value;

        Assert.That(blas, Does.EndWith($"({expected})"));
        Assert.That(blas, Does.StartWith(expected.Contains("openblas", StringComparison.Ordinal) ? "OpenBLAS" : "reference BLAS"));
    }
}
