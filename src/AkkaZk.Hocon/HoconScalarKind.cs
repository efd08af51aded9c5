namespace AkkaZk.Hocon;

public enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
