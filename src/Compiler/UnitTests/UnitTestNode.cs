namespace ModelForge.Compiler.UnitTests;

/// <summary>What a compiled unit test node carries: its YAML entry, the model it tests, its inputs and expected rows.</summary>
internal sealed record UnitTestNode
{
    public required UnitTestDefinition Definition { get; init; }

    /// <summary>The unique id of the model under test.</summary>
    public required string ModelId { get; init; }

    /// <summary>The given inputs, plus seeds the model reads that were not given (dbt uses the seed as its own input).</summary>
    public required IReadOnlyList<UnitTestInput> Inputs { get; init; }

    /// <summary>The expected rows; the input fields other than rows are unused (<see cref="UnitTestInput.UpstreamId"/> is the model).</summary>
    public required UnitTestInput Expected { get; init; }
}
