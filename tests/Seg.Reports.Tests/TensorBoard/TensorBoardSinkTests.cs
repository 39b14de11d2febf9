using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports.TensorBoard;

namespace Seg.Reports.Tests.TensorBoard;

public class TensorBoardSinkTests
{
    [Test]
    public void Train_and_eval_entries_become_PaddleSeg_tagged_scalars()
    {
        var dir = Directory.CreateTempSubdirectory("seg-tbsink-").FullName;
        try
        {
            string path;
            using (var writer = new TensorBoardWriter(dir))
            {
                path = writer.FilePath;
                var sink = new TensorBoardSink(writer, ["road", "sky"], null, null);
                sink.Train(new TrainLogEntry(10, 1, 0.75, new Dictionary<string, double> { ["loss_0:CrossEntropyLoss"] = 0.5, ["loss_1:DiceLoss"] = 0.25 }, 0.01, 0.2, 0.05, 40));
                var result = new EvaluationResult(3, 0.6, 0.9, 0.7, 0.72, [0.4, 0.8], [0.5, 0.9], [0.6, 0.85], [0.55, 0.88]);
                sink.Eval(new EvalLogEntry(10, 1, result, null!)); // no sampler: the model is not used
            }
            var scalars = EventFileReader.Scalars(EventFileReader.Read(path));
            var expected = new (string, long, double)[]
            {
                ("Train/loss", 10, 0.75), ("Train/loss_0:CrossEntropyLoss", 10, 0.5), ("Train/loss_1:DiceLoss", 10, 0.25), ("Train/lr", 10, 0.01),
                ("Train/batch_cost", 10, 0.2), ("Train/reader_cost", 10, 0.05), ("Train/ips", 10, 40),
                ("Evaluate/mIoU", 10, 0.6), ("Evaluate/Acc", 10, 0.9), ("Evaluate/Kappa", 10, 0.7), ("Evaluate/Dice", 10, 0.72),
                ("Evaluate/IoU/0_road", 10, 0.4), ("Evaluate/IoU/1_sky", 10, 0.8),
            };
            Assert.That(scalars, Is.EqualTo(expected.Select(e => (e.Item1, e.Item2, (double)(float)e.Item3)).ToList()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
