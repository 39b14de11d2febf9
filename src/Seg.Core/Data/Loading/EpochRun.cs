using System.Runtime.ExceptionServices;

namespace Seg.Core.Data.Loading;

/// <summary>
/// The worker threads of one epoch. A worker takes a free prefetch slot, then the next batch number, prepares it and
/// completes that batch's task; the consumer takes batches in order and frees a slot per batch taken. The batch the
/// consumer waits for is always held by a running worker, so the pipeline cannot deadlock; disposing cancels the
/// workers and frees batches nobody took.
/// </summary>
internal sealed class EpochRun : IDisposable
{
    private readonly TaskCompletionSource<Batch>[] results;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource cancel;
    private readonly Thread[] threads;
    private readonly Func<int, Batch> make;
    private int next = -1;
    private int taken = -1;

    internal EpochRun(int batchCount, int workers, int prefetch, Func<int, Batch> make, CancellationToken token)
    {
        this.make = make;
        results = new TaskCompletionSource<Batch>[batchCount];
        for (var i = 0; i < batchCount; i++) results[i] = new TaskCompletionSource<Batch>(TaskCreationOptions.RunContinuationsAsynchronously);
        slots = new SemaphoreSlim(prefetch, prefetch);
        cancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        threads = new Thread[Math.Min(workers, Math.Max(batchCount, 1))];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"seg-data-{i}" };
            threads[i].Start();
        }
    }

    internal Batch Take(int b)
    {
        try
        {
            results[b].Task.Wait(cancel.Token);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        taken = b;
        slots.Release();
        return results[b].Task.Result;
    }

    private void Work()
    {
        Seg.Torch.Images.ImageOps.limit_thread_parallelism(1);
        while (true)
        {
            try
            {
                slots.Wait(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var b = Interlocked.Increment(ref next);
            if (b >= results.Length) return;
            if (cancel.IsCancellationRequested)
            {
                results[b].TrySetCanceled();
                return;
            }
            try
            {
                var batch = make(b);
                if (!results[b].TrySetResult(batch)) batch.Dispose();
            }
            catch (Exception e)
            {
                results[b].TrySetException(e);
            }
        }
    }

    public void Dispose()
    {
        cancel.Cancel();
        foreach (var t in threads) t.Join();
        // Batches up to `taken` belong to the consumer; later finished ones are nobody's.
        for (var b = taken + 1; b < results.Length; b++)
        {
            if (!results[b].TrySetCanceled() && results[b].Task.IsCompletedSuccessfully) results[b].Task.Result.Dispose();
        }
        slots.Dispose();
        cancel.Dispose();
    }
}
