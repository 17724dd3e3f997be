"""What each question is for, said in one or two plain sentences before it is asked.

Index 0 is the frame (organisation and period); 1 to 10 follow the method's questions.
"""

from __future__ import annotations

from stratege.wizard.answers import Bilingual

INTRO: Bilingual = {
    "fr": (
        "Stratège va vous poser les dix questions d'une stratégie sur les médias sociaux. "
        "Appuyez sur Entrée pour garder la valeur proposée entre parenthèses : tout reste "
        "modifiable ensuite dans le fichier YAML."
    ),
    "en": (
        "Stratège will ask you the ten questions of a social media strategy. Press Enter to "
        "keep the value suggested in brackets: everything can be changed later in the YAML file."
    ),
}

EXPLANATIONS: dict[int, Bilingual] = {
    0: {
        "fr": "D'abord, qui êtes-vous et sur quelle période porte la stratégie ?",
        "en": "First, who are you and what period does the strategy cover?",
    },
    1: {
        "fr": (
            "Votre présence sociale sert le projet de l'organisation. Décrivez sa raison d'être "
            "et ses buts : chaque objectif social devra ensuite servir l'un d'eux."
        ),
        "en": (
            "Your social media presence serves the organisation's project. Describe its purpose "
            "and goals: every social objective will have to serve one of them."
        ),
    },
    2: {
        "fr": (
            "Une présence en ligne peut viser plusieurs buts. Choisissez ceux qui comptent et "
            "désignez le ou les prioritaires : tout ne peut pas l'être."
        ),
        "en": (
            "An online presence can pursue several aims. Pick those that matter and name the top "
            "priority: not everything can come first."
        ),
    },
    3: {
        "fr": (
            "Avant de fixer un cap, regardez d'où vous partez : vos comptes actuels et les "
            "concurrents que vous observez. Ces chiffres serviront de point de comparaison."
        ),
        "en": (
            "Before setting a course, look at where you start from: your current accounts and the "
            "competitors you watch. These figures will be your point of comparison."
        ),
    },
    4: {
        "fr": (
            "Un objectif se pilote avec un chiffre. Pour chacun, choisissez un indicateur, sa "
            "valeur actuelle si vous la connaissez et la valeur visée à l'échéance."
        ),
        "en": (
            "An objective is steered by a number. For each one, pick an indicator, its current "
            "value if you know it, and the value to reach by the deadline."
        ),
    },
    5: {
        "fr": (
            "Qui voulez-vous toucher ? Pour chaque cible, dites où elle est présente et comment "
            "elle s'informe : c'est là que vos comptes (vos canaux) devront être."
        ),
        "en": (
            "Who do you want to reach? For each audience, say where it is present and how it "
            "looks for information: that is where your accounts (your channels) need to be."
        ),
    },
    6: {
        "fr": (
            "Choisissez les grands thèmes que vous traiterez (vos piliers), la forme des "
            "publications sur chaque canal et le ton employé."
        ),
        "en": (
            "Choose the main themes you will cover (your pillars), the form of the posts on each "
            "channel and the tone you will use."
        ),
    },
    7: {
        "fr": (
            "Fixez un rythme tenable pour chaque canal. Stratège propose le rythme de référence "
            "de la plateforme et ses meilleurs créneaux horaires."
        ),
        "en": (
            "Set a pace you can keep on each channel. Stratège suggests the platform's reference "
            "pace and its best time slots."
        ),
    },
    8: {
        "fr": (
            "Qui fera le travail, avec quels outils et quel budget ? Stratège estime les heures "
            "que demandent vos choix pour vous aider à dimensionner l'équipe."
        ),
        "en": (
            "Who will do the work, with which tools and what budget? Stratège estimates the hours "
            "your choices call for, to help you size the team."
        ),
    },
    9: {
        "fr": (
            "Pour chaque activité, au moins une personne la réalise (R) et une seule en répond "
            "(A). Stratège propose une répartition selon les compétences de chacun."
        ),
        "en": (
            "For each activity, at least one person does it (R) and exactly one answers for it "
            "(A). Stratège suggests a split based on everyone's skills."
        ),
    },
    10: {
        "fr": (
            "La publicité fait connaître l'organisation au-delà de sa communauté, à des moments "
            "choisis : un lancement, une saison, un recrutement."
        ),
        "en": (
            "Advertising takes the organisation beyond its community at chosen moments: a launch, "
            "a season, a recruitment drive."
        ),
    },
}
