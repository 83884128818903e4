using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>A method of a built-in type (<c>'a,b'.split(',')</c>), given its receiver.</summary>
internal delegate object? MethodFunction(object target, CallArguments arguments);
