using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelForge.Compiler.Project;

/// <summary>Hands events read by <see cref="YamlFastParser"/> to YamlDotNet's node builder (<c>YamlStream.Load</c>).</summary>
internal sealed class YamlEventReplay(List<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = _next < events.Count ? events[_next++] : null;
        return Current is not null;
    }
}
