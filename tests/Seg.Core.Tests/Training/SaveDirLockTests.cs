using System.Globalization;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// Issue 12, case 9: a save_dir that is a file is refused (not deleted); a second run into a held save_dir stops;
// a lock left by a dead process is taken over.
public class SaveDirLockTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "seg-lock-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, recursive: true);

    [Test]
    public void AFileInTheWayIsRefusedAndKept()
    {
        var file = Path.Combine(dir, "output");
        File.WriteAllText(file, "precious");
        var e = Assert.Throws<SaveDirException>(() => SaveDirLock.Acquire(file))!;
        Assert.That(e.Message, Does.Contain($"--save_dir '{file}' is a file"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("precious"));
    }

    [Test]
    public void ASecondRunIntoAHeldFolderStopsNamingTheOwnerAndTheFolderIsFreeAfterwards()
    {
        var save = Path.Combine(dir, "output");
        using (SaveDirLock.Acquire(save))
        {
            var e = Assert.Throws<SaveDirException>(() => SaveDirLock.Acquire(save))!;
            Assert.That(e.Message, Does.Contain("is in use by another training run").And.Contain($"pid {Environment.ProcessId} on host {Environment.MachineName}"));
        }
        Assert.That(File.Exists(Path.Combine(save, SaveDirLock.FileName)), Is.False);
        using var again = SaveDirLock.Acquire(save);
        Assert.That(again.TakenOver, Is.Null);
    }

    [Test]
    public void ALockOfAProcessThatNoLongerRunsIsTakenOver()
    {
        var save = Path.Combine(dir, "output");
        Directory.CreateDirectory(save);
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        File.WriteAllText(Path.Combine(save, SaveDirLock.FileName), string.Create(CultureInfo.InvariantCulture, $"pid={gone.Id}\nhost={Environment.MachineName}\nstarted=2020-01-01T00:00:00.0000000Z\n"));
        using var taken = SaveDirLock.Acquire(save);
        Assert.That(taken.TakenOver, Does.Contain($"pid {gone.Id}").And.Contain("no longer runs"));
    }

    [Test]
    public void AFolderThatCannotBeCreatedSaysSo()
    {
        var e = Assert.Throws<SaveDirException>(() => SaveDirLock.Acquire("/proc/seg-cannot-exist"))!;
        Assert.That(e.Message, Does.StartWith("cannot create --save_dir '/proc/seg-cannot-exist'"));
    }
}
