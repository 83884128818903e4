using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// A macro found for a name, and the package that holds it. A class rather than a tuple: generic code over a tuple
/// (a nullable one, a dictionary's value) is compiled at run time even in the precompiled forms.
/// </summary>
public sealed record MacroPick(Macro Macro, string Package);
