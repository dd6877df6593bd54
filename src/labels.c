/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <string.h>
#include <strings.h>

#include "buf.h"
#include "labels.h"

static const struct {
	const char	*lang;
	const char	*text[LABEL__MAX];
} table[] = {
	{ "en", { "Contents", "Landmarks", "Start of the article",
	    "Photo caption", "Credit", "By", "and", "Page", "of", "Quote",
	    "End quote", "Photo credit" } },
	{ "es", { "Índice", "Puntos de referencia", "Inicio del artículo",
	    "Pie de foto", "Crédito", "Por", "y", "Página", "de", "Cita",
	    "Fin de la cita", "Crédito de la foto" } },
	{ "fr", { "Table des matières", "Repères", "Début de l’article",
	    "Légende de la photo", "Crédit", "Par", "et", "Page",
	    "sur", "Citation", "Fin de citation", "Crédit photo" } },
	{ "de", { "Inhalt", "Orientierungspunkte", "Beginn des Artikels",
	    "Bildunterschrift", "Bildnachweis", "Von", "und", "Seite",
	    "von", "Zitat", "Zitatende", "Bildnachweis" } },
	{ "it", { "Indice", "Punti di riferimento", "Inizio dell’articolo",
	    "Didascalia", "Crediti", "Di", "e", "Pagina", "di",
	    "Citazione", "Fine della citazione", "Crediti fotografici" } },
	{ "pt", { "Índice", "Pontos de referência", "Início do artigo",
	    "Legenda da foto", "Crédito", "Por", "e", "Página", "de",
	    "Citação", "Fim da citação", "Crédito da foto" } },
};

struct label_text
label_get(const char *lang, enum label which)
{
	struct label_text	 t;
	size_t			 i, n;

	n = strcspn(lang, "-");
	for (i = 0; i < NELEM(table); i++)
		if (strlen(table[i].lang) == n &&
		    strncasecmp(table[i].lang, lang, n) == 0)
			break;
	if (i == NELEM(table))
		i = 0;
	t.text = table[i].text[which];
	t.lang = table[i].lang;
	return t;
}

void
label_byline(const char *lang, const char *const *names, size_t n,
    struct buf *out)
{
	struct label_text by = label_get(lang, LABEL_BY);
	struct label_text and = label_get(lang, LABEL_AND);
	size_t		 i;

	buf_printf(out, "%s ", by.text);
	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n)
			buf_printf(out, " %s ", and.text);
		else if (i > 0)
			buf_puts(out, ", ");
		buf_puts(out, names[i]);
	}
}
