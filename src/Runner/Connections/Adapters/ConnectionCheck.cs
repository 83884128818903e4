namespace ModelForge.Runner.Connections.Adapters;

/// <summary>One thing `forge debug` verified on an open connection: what, whether it holds, and what was found.</summary>
internal sealed record ConnectionCheck(string What, bool Ok, string Found);
