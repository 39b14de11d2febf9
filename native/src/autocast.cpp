// CPU and CUDA autocast (torch.autocast(device, dtype)): entering and leaving a region. Which ops run in the lower
// precision is libtorch's op lists, changed per op by the custom lists of autocast_lists.cpp.
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

// CUDA autocast (torch.autocast("cuda", dtype)); a CPU-only libtorch accepts it and never reaches a CUDA kernel.
SEG_API(seg_autocast_cuda_enter, int32_t enabled, int32_t dtype, int32_t* previous_enabled, int32_t* previous_dtype) {
  SEG_GUARD(
    *previous_enabled = at::autocast::is_enabled() ? 1 : 0;
    *previous_dtype = static_cast<int32_t>(at::autocast::get_autocast_gpu_dtype());
    at::autocast::set_enabled(enabled != 0);
    if (enabled != 0) at::autocast::set_autocast_gpu_dtype(seg::dtype(dtype));
    at::autocast::increment_nesting();
  )
}

SEG_API(seg_autocast_cuda_exit, int32_t previous_enabled, int32_t previous_dtype) {
  SEG_GUARD(
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_enabled(previous_enabled != 0);
    at::autocast::set_autocast_gpu_dtype(static_cast<at::ScalarType>(previous_dtype));
  )
}
