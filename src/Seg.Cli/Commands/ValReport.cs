using System.Globalization;
using Seg.Core.Evaluation;
using Spectre.Console;

namespace Seg.Cli.Commands;

// `seg val`'s per-class table (Spectre.Console, plain text when the output is not a terminal).
internal static class ValReport
{
    internal static void WriteTable(TextWriter output, EvaluationResult result, IReadOnlyList<string>? classNames)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var table = new Table().Border(TableBorder.Ascii2);
        table.AddColumn("Class");
        if (classNames is not null) table.AddColumn("Name");
        foreach (var header in new[] { "IoU", "Precision", "Recall", "Dice" }) table.AddColumn(new TableColumn(header).RightAligned());
        for (var c = 0; c < result.ClassIoU.Count; c++)
        {
            var cells = new List<string> { c.ToString(CultureInfo.InvariantCulture) };
            if (classNames is not null) cells.Add(Markup.Escape(classNames[c]));
            cells.AddRange(new[] { result.ClassIoU[c], result.ClassPrecision[c], result.ClassRecall[c], result.ClassDice[c] }.Select(Format));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    private static string Format(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
