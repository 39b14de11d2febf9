using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// PaddleSeg v2.9's [TRAIN] line (spec §5.5) and the JSON-lines metrics log.
public class TrainLogTests
{
    [Test]
    public void TrainLineMatchesPaddleSegsExample()
    {
        // The line from PaddleSeg issue #2125, rebuilt from its values.
        var time = new DateTimeOffset(2022, 5, 19, 10, 36, 53, TimeSpan.Zero);
        var line = TrainLogLine.Info(time, TrainLogLine.Train(2, 110, 1000, 0.00064, 0.0450672, 0.10601, 0.0000812, 37.74526));
        Assert.That(line, Is.EqualTo("2022-05-19 10:36:53 [INFO]\t[TRAIN] epoch: 2, iter: 110/1000, loss: 0.0006, lr: 0.045067, batch_cost: 0.1060, reader_cost: 0.00008, ips: 37.7453 samples/sec | ETA 00:01:34"));
    }

    [Test]
    public void EtaAndEpochFollowPaddleSeg()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrainLogLine.Eta(160000, 2.5), Is.EqualTo("111:06:40"), "hours may exceed two digits");
            Assert.That(TrainLogLine.Eta(-3, 1.0), Is.EqualTo("00:00:00"));
            Assert.That(TrainLogLine.Eta(7, 0.99), Is.EqualTo("00:00:06"), "int() truncates");
            Assert.That(TrainLogLine.Epoch(1, 2), Is.EqualTo(1));
            Assert.That(TrainLogLine.Epoch(2, 2), Is.EqualTo(1));
            Assert.That(TrainLogLine.Epoch(3, 2), Is.EqualTo(2));
        });
    }

    [Test]
    public void TrainerLogsEveryLogItersWithTheClockAndWritesJsonLines()
    {
        using var setup = new TrainingSetup();
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), TimeSpan.FromMilliseconds(250));
        var log = new StringWriter();
        var (m, o) = TrainingSetup.ModelAndOptimizer(4);
        using (m)
        using (o)
        {
            var trainer = new Trainer(m, o, new Seg.Core.Losses.LossSet([new TinyCrossEntropy()], [1.0]), setup.Dataset, setup.Options(4, 4) with { LogIters = 2 })
            {
                Log = log,
                Clock = clock,
            };
            trainer.Run();
        }
        var train = log.ToString().Split('\n').Where(l => l.Contains("[TRAIN] epoch", StringComparison.Ordinal)).ToList();
        var pattern = new Regex(@"^2026-01-02 03:04:05 \[INFO\]\t\[TRAIN\] epoch: (\d+), iter: (\d+)/4, loss: \d+\.\d{4}, lr: (\d+\.\d{6}), batch_cost: (\d+\.\d{4}), reader_cost: (\d+\.\d{5}), ips: (\d+\.\d{4}) samples/sec \| ETA (\d\d:\d\d:\d\d)$");
        Assert.That(train, Has.Count.EqualTo(2));
        var first = pattern.Match(train[0].TrimEnd('\r'));
        var second = pattern.Match(train[1].TrimEnd('\r'));
        Assert.That(first.Success && second.Success, Is.True, string.Join("\n", train));
        Assert.Multiple(() =>
        {
            Assert.That(first.Groups[1].Value + "/" + first.Groups[2].Value, Is.EqualTo("1/2"), "5 images, batch 2: 2 batches per epoch");
            Assert.That(second.Groups[1].Value + "/" + second.Groups[2].Value, Is.EqualTo("2/4"));
            // lr logged is the lr used at the step: iter 2 ran with schedule step 1 = 0.1 × (1 - 1/4)^0.9.
            Assert.That(first.Groups[3].Value, Is.EqualTo((0.1 * Math.Pow(0.75, 0.9)).ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
            // Each clock read advances 0.25 s; batch_cost > reader_cost > 0; ips = batch / batch_cost.
            var batchCost = double.Parse(first.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
            var ips = double.Parse(first.Groups[6].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(batchCost, Is.GreaterThan(double.Parse(first.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(ips, Is.EqualTo(2 / batchCost).Within(1e-3));
            Assert.That(log.ToString(), Does.Contain("[TRAIN] Finished at iter 4/4: final loss"));
        });

        var lines = File.ReadAllLines(Path.Combine(setup.SaveDir, TrainingMetricsLog.FileName)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.That(lines.Select(j => j["iter"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 4 }));
        Assert.That(lines[0].Select(kv => kv.Key), Is.SupersetOf(new[] { "type", "iter", "epoch", "loss", "losses", "lr", "batch_cost", "reader_cost", "ips", "eta_s" }));
        Assert.That(lines[0]["losses"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(new[] { "loss_0:TinyCrossEntropy" }));
        Assert.That(lines[0]["losses"]!["loss_0:TinyCrossEntropy"]!.GetValue<double>(), Is.EqualTo(lines[0]["loss"]!.GetValue<double>()).Within(1e-6));
    }
}
