/// `YAML` module namespace.
public enum YAMLModule {}
