using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>A filter: the value before the pipe and the filter's own arguments.</summary>
internal delegate object? FilterFunction(Evaluator evaluator, object? value, CallArguments arguments);
