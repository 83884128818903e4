namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>Printing a value would exceed the output budget; the evaluator reports it at the statement.</summary>
internal sealed class ValueTooLargeException() : Exception("the value is too large to print");
