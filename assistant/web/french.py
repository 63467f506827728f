"""Gradio's own words in French, whatever language the visitor's browser asks for.

Gradio translates its interface from the browser's language and falls back to English where its French
file has gaps ("Copy message"), and says "télécharger" where a file goes up. The app speaks French to
everyone: the same French strings are given for every language Gradio knows, so a phone set to English
or German shows the same page as one set to French.
"""

from __future__ import annotations

import gradio as gr

GRADIO_FRENCH: dict[str, dict[str, str]] = {
    "chatbot": {
        "edit": "Modifier", "retry": "Réessayer", "undo": "Annuler", "submit": "Envoyer", "cancel": "Annuler",
        "like": "Utile", "dislike": "Pas utile", "clear": "Effacer la conversation", "complete": "Terminé",
        "copy_message": "Copier le message", "copied_message": "Message copié", "chatbot": "Conversation",
    },
    "chat_interface": {"new_chat": "Nouvelle conversation", "message_placeholder": "Votre question…",
                       "chatbot": "Conversation", "conversation": "Conversation"},
    "common": {
        "built_with": "construit avec", "built_with_gradio": "Construit avec Gradio", "clear": "Effacer",
        "download": "Télécharger", "download_all": "Tout télécharger", "edit": "Modifier", "empty": "Vide",
        "error": "Erreur", "hosted_on": "Hébergé sur", "loading": "Chargement", "logo": "logo", "or": "ou",
        "remove": "Retirer", "runs": "Historique", "settings": "Paramètres", "share": "Partager",
        "submit": "Envoyer", "undo": "Annuler", "no_devices": "Aucun appareil", "language": "Langue",
        "display_theme": "Thème d'affichage", "progress": "Avancement", "run": "Lancer", "back_to_app": "Retour",
    },
    "blocks": {
        "connection_can_break": "Sur téléphone, la connexion peut se couper si cet onglet passe en arrière-plan "
                                "ou si l'appareil se met en veille.",
        "long_requests_queue": "Beaucoup de demandes sont en attente : merci de patienter.",
        "lost_connection": "Connexion perdue en quittant la page. Reconnexion…",
        "waiting_for_inputs": "Le fichier est encore en cours de téléversement : réessayez dans un instant.",
    },
    "dropdown": {"dropdown": "Liste de choix"},
    "file": {"uploading": "Téléversement…"},
    "status": {"queue_position": "En attente : {position} sur {size}"},
    "upload_text": {
        "click_to_upload": "Touchez ou cliquez pour téléverser", "drop_file": "Déposez le fichier ici",
        "drop_csv": "Déposez le fichier ici", "drop_image": "Déposez l'image ici",
        "drop_audio": "Déposez le son ici", "drop_video": "Déposez la vidéo ici",
        "drop_gallery": "Déposez les fichiers ici", "paste_clipboard": "Coller",
    },
    "login": {"username": "identifiant", "password": "mot de passe", "login": "Se connecter",
              "incorrect_credentials": "Identifiant ou mot de passe incorrect", "enable_cookies": ""},
    "errors": {"contact_page_author": "Prévenez la personne qui gère ce service."},
}

# Every language Gradio ships: whichever the browser picks, the French words win.
GRADIO_LOCALES = ("ar", "ca", "ckb", "de", "en", "es", "et", "eu", "fa", "fi", "fr", "he", "hi", "ja", "ko", "lt",
                  "nb", "nl", "pl", "pt-BR", "pt", "ro", "ru", "sv", "ta", "th", "tr", "uk", "ur", "uz", "zh-CN",
                  "zh-TW")


def french_everywhere() -> gr.I18n:
    return gr.I18n(**{locale: GRADIO_FRENCH for locale in GRADIO_LOCALES})


def french_number(value: float, decimals: int = 2) -> str:
    """0.79 → "0,79"; 1234.5 → "1 234,5" (narrow no-break space between thousands)."""
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text
