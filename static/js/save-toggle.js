// Save or unsave a job without leaving the page; without JavaScript the form posts normally.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form.save-toggle");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(String(response.status));
    const { saved } = await response.json();
    button.textContent = saved ? form.dataset.savedLabel : form.dataset.unsavedLabel;
    button.setAttribute("aria-pressed", String(saved));
  } catch {
    form.submit();
  } finally {
    button.disabled = false;
  }
});
