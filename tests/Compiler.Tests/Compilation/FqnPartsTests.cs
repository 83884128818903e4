using ModelForge.Compiler.Compilation;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

public sealed class FqnPartsTests
{
    [Test]
    public void Reads_as_the_list_of_project_folders_and_name()
    {
        IReadOnlyList<string> fqn = new FqnParts("shop", ["staging", "stripe"], "stg_payments");
        Assert.That(fqn, Is.EqualTo(new[] { "shop", "staging", "stripe", "stg_payments" }));
        Assert.That((fqn.Count, fqn[0], fqn[2], fqn[^1], fqn[^2]), Is.EqualTo((4, "shop", "stripe", "stg_payments", "stripe")));
        Assert.That(() => fqn[4], Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => fqn[-1], Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_node_at_the_top_of_its_resource_path_has_no_folders()
    {
        IReadOnlyList<string> fqn = new FqnParts("shop", [], "orders");
        Assert.That(fqn, Is.EqualTo(new[] { "shop", "orders" }));
        Assert.That(string.Join('.', fqn), Is.EqualTo("shop.orders"));
    }
}
