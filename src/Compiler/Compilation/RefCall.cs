using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Compilation;

/// <summary>A <c>ref()</c> as written in a node, with where it was written.</summary>
public sealed record RefCall(string? Package, string Name, NodeVersion? Version, SourceSpan Span);

/// <summary>A <c>source()</c> as written in a node, with where it was written.</summary>
public sealed record SourceCall(string Source, string Table, SourceSpan Span);
