/// `PromQL` module namespace.
public enum PromQLModule {}
