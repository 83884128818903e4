namespace ModelForge.Compiler.Graph.Selection;

/// <summary>A parsed selector: a criterion, or a union / intersection / difference of selectors.</summary>
public abstract record SelectorExpression;
