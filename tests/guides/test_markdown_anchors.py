"""Heading anchors are a guides-only feature of the Markdown renderer."""

from jobboard.markdown import render_markdown


def test_guides_keep_heading_anchors_with_a_known_prefix():
    html = render_markdown("## Step {#step-coe}\n\n### Field {#field-work}", heading_ids=True)
    assert '<h2 id="step-coe">Step</h2>' in html
    assert '<h3 id="field-work">Field</h3>' in html


def test_anchors_that_could_clash_with_the_page_are_dropped():
    source = "## A {#main}\n\n## B {#step-}\n\n## C {#step-" + "x" * 80 + "}\n\n## D {#Step-A}"
    html = render_markdown(source, heading_ids=True)
    assert "id=" not in html


def test_text_written_by_users_gets_no_anchors_or_attributes():
    html = render_markdown("## Apply now {#step-coe}\n\n## Hi {: onclick='x' }")
    # The braces stay as plain text: nothing becomes an attribute.
    assert html == "<h2>Apply now {#step-coe}</h2>\n<h2>Hi {: onclick='x' }</h2>"


def test_attribute_syntax_cannot_add_handlers_or_styles_to_guides():
    source = '## Hi {: #step-a onclick="alert(1)" style="color:red" .big }'
    html = render_markdown(source, heading_ids=True)
    assert html == '<h2 id="step-a">Hi</h2>'
