using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class StringPoolTests
{
    [Test]
    public void Equal_short_texts_come_back_as_one_string()
    {
        var pool = YamlFastParser.ScalarsForThread;
        var first = pool.Get("customer_id: x".AsSpan(0, 11));
        var again = pool.Get("a customer_id".AsSpan(2));

        Assert.That(first, Is.EqualTo("customer_id"));
        Assert.That(again, Is.SameAs(first));
    }

    [Test]
    public void Long_texts_are_not_kept()
    {
        var pool = YamlFastParser.ScalarsForThread;
        var text = new string('d', 65);

        Assert.That(pool.Get(text), Is.EqualTo(text));
        Assert.That(pool.Get(text), Is.Not.SameAs(pool.Get(text)));
    }

    [Test]
    public void Each_thread_has_its_own_pool()
    {
        StringPool? other = null;
        var thread = new Thread(() => other = YamlFastParser.ScalarsForThread);
        thread.Start();
        thread.Join();

        Assert.That(other, Is.Not.Null.And.Not.SameAs(YamlFastParser.ScalarsForThread));
    }

    [Test]
    public void Schema_files_share_their_repeated_keys_and_values()
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: id
                    data_tests: [unique]
              - name: customers
                columns:
                  - name: id
                    data_tests:
                      - unique
            """ + "\n"), bag);

        Assert.That(bag.ToList(), Is.Empty);
        var (orders, customers) = (file.Models[0].Columns.Single(), file.Models[1].Columns.Single());
        Assert.That(customers.Name, Is.SameAs(orders.Name));
        Assert.That(customers.Tests.Single().Name, Is.SameAs(orders.Tests.Single().Name));
    }
}
