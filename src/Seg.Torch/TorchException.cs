namespace Seg.Torch;

// Error kinds reported by libsegnative (native/src/seg_api.h, seg::ErrorKind).
internal enum TorchErrorKind
{
    Ok = 0, Torch = 1, Index = 2, Value = 3, Type = 4, NotImplemented = 5, OutOfMemory = 6,
    LinAlg = 7, StdException = 8, Unknown = 9, Argument = 10,
}

/// <summary>An error raised inside libtorch; the message is libtorch's own, verbatim.</summary>
public class TorchException : Exception
{
    public TorchException() { }
    public TorchException(string message) : base(message) { }
    public TorchException(string message, Exception inner) : base(message, inner) { }
    public TorchException(string message, string nativeStackTrace) : base(message) => NativeStackTrace = nativeStackTrace;

    /// <summary>The C++ backtrace libtorch recorded, when it recorded one.</summary>
    public string NativeStackTrace { get; } = "";
}

public class TorchIndexException(string message, string nativeStackTrace) : TorchException(message, nativeStackTrace);
public class TorchValueException(string message, string nativeStackTrace) : TorchException(message, nativeStackTrace);
public class TorchTypeException(string message, string nativeStackTrace) : TorchException(message, nativeStackTrace);
public class TorchNotImplementedException(string message, string nativeStackTrace) : TorchException(message, nativeStackTrace);
public class TorchOutOfMemoryException(string message, string nativeStackTrace) : TorchException(message, nativeStackTrace);

/// <summary>The native library is missing or does not match this build of Seg.Torch.</summary>
public class TorchLoadException : Exception
{
    public TorchLoadException() { }
    public TorchLoadException(string message) : base(message) { }
    public TorchLoadException(string message, Exception inner) : base(message, inner) { }
}
