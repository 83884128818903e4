using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class ImportTests
{
    private static FakeLoader Loader() => new(new Dictionary<string, string>
    {
        ["macros/helpers.sql"] = "{% set version = 3 %}{% macro shout(x) %}{{ x|upper }}!{% endmacro %}{% macro both(x) %}{{ shout(x) }}{{ shout(x) }}{% endmacro %}",
        ["partials/header.sql"] = "-- header for {{ name }}\n",
        ["partials/broken.sql"] = "{{ oops.x }}",
    });

    [Test]
    public void Import_as_binds_a_module_of_macros_and_variables()
    {
        var text = TemplateTestKit.Render("{% import 'macros/helpers.sql' as h %}{{ h.shout('a') }} {{ h.both('b') }} v{{ h.version }}", loader: Loader());
        Assert.That(text, Is.EqualTo("A! B!B! v3"));
    }

    [Test]
    public void From_import_binds_names_and_aliases()
    {
        var text = TemplateTestKit.Render("{% from 'macros/helpers.sql' import shout, both as twice %}{{ shout('x') }}{{ twice('y') }}", loader: Loader());
        Assert.That(text, Is.EqualTo("X!Y!Y!"));
    }

    [Test]
    public void Importing_twice_in_one_render_loads_once()
    {
        var loader = Loader();
        TemplateTestKit.Render("{% import 'macros/helpers.sql' as a %}{% import 'macros/helpers.sql' as b %}{{ a.version + b.version }}", loader: loader);
        Assert.That(loader.Loads, Is.EqualTo(2));
    }

    [Test]
    public void Include_renders_in_place_and_sees_the_current_variables()
    {
        var text = TemplateTestKit.Render("{% for name in ['a', 'b'] %}{% include 'partials/header.sql' %}{% endfor %}select 1", loader: Loader());
        Assert.That(text, Is.EqualTo("-- header for a-- header for bselect 1"));
    }

    [Test]
    public void Include_ignore_missing_renders_nothing()
    {
        Assert.That(TemplateTestKit.Render("a{% include 'nope.sql' ignore missing %}b", loader: Loader()), Is.EqualTo("ab"));
    }

    [Test]
    public void Include_takes_the_first_existing_of_a_list()
    {
        var text = TemplateTestKit.Render("{% set name = 'n' %}{% include ['nope.sql', 'partials/header.sql'] %}", loader: Loader());
        Assert.That(text, Is.EqualTo("-- header for n"));
    }

    [Test]
    public void Missing_template_is_an_error_at_the_name()
    {
        var error = TemplateTestKit.RenderError("{% import 'macros/nope.sql' as n %}", loader: Loader());
        Assert.That(error.Code, Is.EqualTo("MF2106"));
        Assert.That(error.Message, Is.EqualTo("template 'macros/nope.sql' not found"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("1:11"));
    }

    [Test]
    public void Without_a_loader_imports_explain_why_they_fail()
    {
        var error = TemplateTestKit.RenderError("{% include 'x.sql' %}");
        Assert.That(error.Hint, Does.Contain("no template loader"));
    }

    [Test]
    public void From_import_of_an_unknown_name_is_an_error()
    {
        var error = TemplateTestKit.RenderError("{% from 'macros/helpers.sql' import whisper %}", loader: Loader());
        Assert.That(error.Message, Is.EqualTo("the template 'macros/helpers.sql' does not export the requested name 'whisper'"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("1:37"));
    }

    [Test]
    public void Error_inside_an_include_points_into_the_included_file_with_a_frame()
    {
        var error = TemplateTestKit.RenderError("x\n{% include 'partials/broken.sql' %}", loader: Loader());
        Assert.That(error.Span!.Value.Path, Is.EqualTo("partials/broken.sql"));
        Assert.That(error.Frames.Single().Description, Is.EqualTo("include 'partials/broken.sql'"));
        Assert.That(error.Frames.Single().Span.Line, Is.EqualTo(2));
    }

    [Test]
    public void Imported_macros_do_not_see_the_importers_variables()
    {
        var loader = new FakeLoader(new Dictionary<string, string> { ["m.sql"] = "{% macro m() %}{{ secret is defined }}{% endmacro %}" });
        Assert.That(TemplateTestKit.Render("{% set secret = 1 %}{% from 'm.sql' import m %}{{ m() }}", loader: loader), Is.EqualTo("False"));
    }
}
