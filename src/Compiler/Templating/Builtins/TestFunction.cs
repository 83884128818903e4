using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>A test (<c>x is name(args)</c>).</summary>
internal delegate bool TestFunction(Evaluator evaluator, object? value, CallArguments arguments);
