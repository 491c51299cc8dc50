/// `ConfigModel` module namespace.
public enum ConfigModelModule {}
