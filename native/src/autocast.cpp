// CPU autocast (torch.autocast("cpu", dtype)): libtorch's own op lists decide which ops run in the lower precision.
#include "seg_api.h"

#include <ATen/autocast_mode.h>

// Enters (enabled != 0, with dtype) or leaves an autocast region; *previous_enabled and *previous_dtype give the
// state to restore. Leaving the outermost region clears the cast-weight cache, as torch.autocast does.
SEG_API(seg_autocast_cpu_enter, int32_t enabled, int32_t dtype, int32_t* previous_enabled, int32_t* previous_dtype) {
  SEG_GUARD(
    *previous_enabled = at::autocast::is_cpu_enabled() ? 1 : 0;
    *previous_dtype = static_cast<int32_t>(at::autocast::get_autocast_cpu_dtype());
    at::autocast::set_cpu_enabled(enabled != 0);
    if (enabled != 0) at::autocast::set_autocast_cpu_dtype(seg::dtype(dtype));
    at::autocast::increment_nesting();
  )
}

SEG_API(seg_autocast_cpu_exit, int32_t previous_enabled, int32_t previous_dtype) {
  SEG_GUARD(
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_cpu_enabled(previous_enabled != 0);
    at::autocast::set_autocast_cpu_dtype(static_cast<at::ScalarType>(previous_dtype));
  )
}
