using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.SemanticLayer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Access;

public sealed class AccessRulesTests
{
    private const string Groups = """
        groups:
          - name: finance
            owner: {name: Finance team, email: finance@example.com}
          - name: marketing
            owner: {name: Marketing}
        """;

    private SemanticProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new SemanticProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_ref_to_a_private_model_from_outside_its_group_is_an_error_at_the_ref()
    {
        _project.Write("models/groups.yml", Groups + "\n" + """
            models:
              - name: orders
                access: private
                group: finance
              - name: reader
                group: marketing
            """)
            .Write("models/reader.sql", "select *\nfrom {{ ref('orders') }}");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Access.PrivateRefCode));
        Assert.That((error.Span!.Value.Path, error.Span.Value.Line, error.Span.Value.Column), Is.EqualTo(("models/reader.sql", 2, 9)));
        Assert.That(error.Message, Does.Contain("private to group 'finance'"));
    }

    [Test]
    public void A_ref_to_a_private_model_from_a_model_without_a_group_is_an_error()
    {
        _project.Write("models/groups.yml", Groups + "\n" + "models:\n  - name: orders\n    config: {access: private, group: finance}\n")
            .Write("models/reader.sql", "select * from {{ ref('orders') }}");

        Assert.That(_project.SingleError().Code, Is.EqualTo(DiagnosticCodes.Access.PrivateRefCode));
    }

    [Test]
    public void A_ref_to_a_private_model_from_its_own_group_is_allowed_and_the_manifest_has_groups()
    {
        _project.Write("models/groups.yml", Groups + "\n" + """
            models:
              - name: orders
                access: private
                group: finance
              - name: reader
                group: finance
            """)
            .Write("models/reader.sql", "select * from {{ ref('orders') }}");

        var manifest = _project.Manifest();

        var orders = manifest.GetProperty("nodes").GetProperty("model.shop.orders");
        Assert.That(orders.GetProperty("access").GetString(), Is.EqualTo("private"));
        Assert.That(orders.GetProperty("group").GetString(), Is.EqualTo("finance"));
        Assert.That(manifest.GetProperty("nodes").GetProperty("model.shop.customers").GetProperty("access").GetString(), Is.EqualTo("protected"));
        var group = manifest.GetProperty("groups").GetProperty("group.shop.finance");
        Assert.That(group.GetProperty("owner").GetProperty("email").GetString(), Is.EqualTo("finance@example.com"));
        Assert.That(manifest.GetProperty("group_map").GetProperty("finance").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.reader" }));
    }

    [Test]
    public void A_group_that_is_not_declared_is_an_error_with_the_nearest_group()
    {
        _project.Write("models/groups.yml", Groups + "\n" + "models:\n  - name: orders\n    group: financ\n");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Access.UnknownGroupCode));
        Assert.That(error.Hint, Does.Contain("'finance'"));
    }

    [Test]
    public void An_access_level_dbt_does_not_have_is_an_error()
    {
        _project.Write("models/groups.yml", "models:\n  - name: orders\n    access: secret\n");

        Assert.That(_project.SingleError().Code, Is.EqualTo(DiagnosticCodes.Access.BadAccessCode));
    }
}
