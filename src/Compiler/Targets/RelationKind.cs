namespace ModelForge.Compiler.Targets;

public enum RelationKind
{
    Table,
    View,
}
