package bindings

// SitePosition is where the script made the waiter (its await): the file's
// path as the engine knows it (absolute for a module file), line and column;
// ok is false when no script frame made it. Site is the short form.
func (w *Waiter) SitePosition() (file string, line, column int, ok bool) {
	if !w.hasSite {
		return "", 0, 0, false
	}
	p := w.site.Position()
	return p.Filename, p.Line, p.Column, true
}
