using Seg.Core.Config;
using Seg.Core.Evaluation;

namespace Seg.Cli.Commands;

// tools/predict.py's merge_test_config: the YAML test_config without aug_eval and auc_roc; --aug_pred
// sets augmentation, scales and both flips from the command line; --is_slide sets the sliding window likewise.
internal static class PredictTestConfig
{
    internal static InferenceOptions Merge(ConfigMap yaml, TestConfigArguments cli) =>
        TestConfigMerge.Apply(InferenceOptions.FromTestConfig(yaml) with { AugEval = false }, cli);
}
