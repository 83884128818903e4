using System.Text;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>Every statement sent through recording connections, in the order they arrived.</summary>
internal sealed class StatementLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _statements = [];

    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (_gate) return _statements.ToList();
        }
    }

    public void Add(string statement)
    {
        lock (_gate) _statements.Add(statement);
    }

    /// <summary>The log as one T-SQL script: each statement ended by <c>;</c> and a blank line.</summary>
    public string ToScript()
    {
        var text = new StringBuilder();
        foreach (var statement in Statements) text.Append(statement).Append(";\n\n");
        return text.ToString();
    }
}
