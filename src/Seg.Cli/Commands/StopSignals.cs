using System.Runtime.InteropServices;

namespace Seg.Cli.Commands;

// Turns the first SIGINT (Ctrl-C) or SIGTERM (Slurm, Kubernetes, `docker stop`) into a stop request: the trainer
// finishes or abandons what it is doing (an evaluation is abandoned, a save completes), saves one checkpoint and the
// command exits 130. A second SIGINT ends the process at once (checkpoints are written atomically, so the last complete
// one stays usable); a second SIGTERM is ignored like the first, the scheduler's SIGKILL follows anyway.
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly TextWriter error;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    internal StopSignals(TextWriter error)
    {
        this.error = error;
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    internal CancellationToken Token => source.Token;

    internal bool Requested => source.IsCancellationRequested;

    private void OnSignal(PosixSignalContext context)
    {
        var name = context.Signal == PosixSignal.SIGINT ? "Ctrl-C" : "SIGTERM";
        if (source.IsCancellationRequested)
        {
            context.Cancel = context.Signal != PosixSignal.SIGINT; // a second Ctrl-C aborts at once
            return;
        }
        context.Cancel = true;
        error.WriteLine($"{name}: stopping after the current step and saving a checkpoint (Ctrl-C again to abort without saving)...");
        source.Cancel();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }
}
