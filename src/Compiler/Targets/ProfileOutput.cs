using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Targets;

/// <summary>
/// One output of profiles.yml handed to its warehouse's adapter: the reader (which collects
/// diagnostics), the project root (relative paths), the output's name, its mapping, and the span of
/// its key (where missing fields are reported).
/// </summary>
internal sealed record ProfileOutput(YamlReader Reader, string Root, string Name, YamlMappingNode Output, SourceSpan KeySpan);
