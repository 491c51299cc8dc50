/// `Runtime` module namespace.
public enum RuntimeModule {}
