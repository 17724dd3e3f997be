"""What people say of each bundled example, for its synthetic listening data.

One :class:`Voices` per example: the ways its own brand and each competitor are named
(every one of them matched by the example's ``listening.queries``), templates of social
posts by sentiment, press headlines, an incident's complaints (the crisis spike), the
posts of a few loyal authors (future ambassadors), texts that name no brand (what a
listening tool's keywords also catch), and a few in a language not listened to. A
template's ``{fields}`` are drawn from ``fills`` (``own`` and ``rival`` from the names).

Everything is invented: people, handles, sites and events. ``listening_data`` draws from
these; ``tests/measure/test_example_data.py`` checks that each text is claimed by the
brands it was written for, and by no other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Label = str  # positive / neutral / negative
Texts = dict[Label, tuple[str, ...]]


@dataclass(frozen=True)
class Loyal:
    """An author who keeps praising the own brand: a future ambassador."""

    author: str
    network: str  # a key of Voices.networks
    followers: int
    posts: int  # own mentions over the four months, all positive


@dataclass(frozen=True)
class Incident:
    """A few days when complaints about the own brand pile up."""

    day: dt.date
    volume: tuple[float, ...]  # own volume multiplier, day by day from ``day``
    negative: tuple[float, ...]  # share of the day's own mentions that are complaints
    texts: tuple[str, ...]  # the complaints ({own} and fills)
    headlines: tuple[str, ...]  # what the press writes of it
    message_factor: float = 3.0  # inbound messages multiplier those days


@dataclass(frozen=True)
class Buzz:
    """A planned event that gets people talking, in a good way."""

    day: dt.date
    volume: tuple[float, ...]
    texts: tuple[str, ...]  # positive or neutral ({own} and fills)


@dataclass(frozen=True)
class Network:
    """Where mentions are found, as the listening tool writes it."""

    label: str  # the tool's "network" column (resolved to a platform on import)
    domain: str  # the tool's "source" column for social networks; sites have their own
    weight: float
    followers: int  # median audience of an author there
    kind: str = "social"  # social | press | blog | forum


@dataclass(frozen=True)
class Site:
    """A news site, blog or forum that writes about the brands."""

    name: str
    domain: str
    kind: str  # press | blog | forum
    audience: int


@dataclass(frozen=True)
class Voices:
    lang: str
    own: tuple[str, ...]
    rivals: dict[str, tuple[str, ...]]
    fills: dict[str, tuple[str, ...]]
    own_texts: Texts
    rival_texts: dict[str, Texts]
    both_texts: Texts  # {own} and {rival}
    headlines: dict[str, tuple[str, ...]]  # owner ('own', competitor id) → neutral news
    noise: tuple[str, ...]  # naming no brand
    foreign: tuple[tuple[str, str], ...]  # (language, text): the own brand, not listened to
    loyal_texts: tuple[str, ...]
    loyal: tuple[Loyal, ...]
    incident: Incident
    buzz: Buzz
    per_day: dict[str, float]  # owner → mean mentions a day in the first month
    growth: dict[str, float]  # owner → monthly volume multiplier
    mix: dict[str, tuple[float, float, float]]  # owner → positive, neutral, negative shares
    both_per_day: float
    noise_per_day: float
    weekday: tuple[float, ...]  # volume by weekday, Monday first
    networks: dict[str, Network]
    sites: tuple[Site, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    hashtags: tuple[str, ...]
    emoji: dict[Label, tuple[str, ...]] = field(default_factory=dict)


# --- Boulangeries Martin ----------------------------------------------------------------

BAKERY = Voices(
    lang="fr",
    own=(
        "Boulangeries Martin",
        "les Boulangeries Martin",
        "@boulangeries.martin",
        "@boulangeriesmartin",
        "#boulangeriesmartin",
        "la boulangerie Martin",
        "Boulangeries Martin",
    ),
    rivals={
        "ange": (
            "Boulangerie Ange",
            "la boulangerie Ange",
            "@boulangerie_ange",
            "#boulangerieange",
        ),
        "marie-blachere": ("Marie Blachère", "Marie Blachere", "@marieblachere", "#marieblachere"),
    },
    fills={
        "product": (
            "la baguette tradition",
            "le pain au levain",
            "le croissant",
            "le pain au chocolat",
            "le flan pâtissier",
            "l'éclair au café",
            "le kouign-amann",
            "le pain aux céréales",
            "le chausson aux pommes",
            "la tarte au citron",
            "la brioche",
            "le pain de seigle",
        ),
        "place": (
            "Angers centre",
            "la Doutre",
            "Saint-Serge",
            "Monplaisir",
            "Avrillé",
            "Trélazé",
            "Les Ponts-de-Cé",
            "la place du Ralliement",
            "Beaucouzé",
        ),
        "city": ("Angers", "Angers", "Nantes", "l'Anjou"),
        "hour": ("7h", "7h30", "8h", "12h15", "18h", "18h30"),
    },
    own_texts={
        "positive": (
            "La meilleure baguette d'Angers, merci {own} !",
            "Petit déj avec les viennoiseries de {own} ce matin, un régal {emoji}",
            "Franchement {own} c'est le top, l'accueil est toujours adorable",
            "Jamais déçue par {own}, leur pain au levain est incroyable",
            "{own} à {place} : pain encore chaud à {hour} et équipe souriante, parfait",
            "trop bon le kouign-amann de chez {own} {emoji} j'adore",
            "Bravo à l'équipe de {own} à {place}, toujours aussi bon et accueillant",
            "Merci {own} pour le gâteau d'anniversaire, le fraisier était parfait",
            "J'adore {own}, de vrais artisans et des farines de la région",
            "Une pépite, {own}. Mention spéciale pour {product} {emoji}",
            "Le nouveau pain aux graines de {own} est délicieux, bravo les boulangers !",
            "Toujours un plaisir de passer chez {own} à {place}, service rapide et souriant",
            "Goûté {product} de {own} : excellent, je recommande",
            "C'est grave bon chez {own}, on y retourne samedi {emoji}",
            "{own} ❤️ le meilleur pain de {city}",
            "Super découverte : {own} à {place}, pain délicieux et prix corrects",
        ),
        "neutral": (
            "{own} ouvre à quelle heure le dimanche à {place} ?",
            "Quelqu'un sait si {own} fait encore la galette à la frangipane ?",
            "Passage chez {own} avant le boulot",
            "{own} recrute des apprentis boulangers à {city}",
            "{own} : nouveaux horaires à {place} à partir de lundi",
            "Il y a un {own} près de la gare d'Angers ?",
            "La vitrine de {own} à {place} ce matin",
            "Est-ce que {own} prend la carte bancaire sans minimum ?",
            "{own} sera au marché de {place} dimanche",
            "On m'a parlé de {own} pour les gâteaux de mariage, des avis ?",
            "Vu que {own} ouvre bientôt deux boutiques à Nantes",
            "{own} fait-il des pains sans gluten ?",
            "Pause goûter : {product} de {own}",
        ),
        "negative": (
            "Déçue par {own} aujourd'hui, pain trop cuit et vendeuse pressée",
            "30 min de queue chez {own} à {place}, et plus de baguettes à 18h {emoji}",
            "{own} a encore augmenté ses prix, c'est abusé, trop cher pour du pain",
            "Vendeuse désagréable ce matin chez {own}, dommage",
            "Pas terrible le croissant de {own} aujourd'hui, sec et sans goût",
            "Commande oubliée chez {own}, personne pour s'excuser. Nul.",
            "Plus jamais {own}, pain rassis vendu comme du frais {emoji}",
            "{own} fermé sans prévenir à {place}, merci pour le déplacement {emoji}",
            "c'est pas ouf chez {own} en ce moment, le pain est mou",
            "Mauvaise surprise chez {own} : gâteau écrasé et pas de remboursement",
            "Attente interminable et caisse en panne chez {own} à {place}",
        ),
    },
    rival_texts={
        "ange": {
            "positive": (
                "Super accueil à {rival} ce matin {emoji}",
                "J'ai craqué pour les beignets de {rival}, trop bons",
                "{rival} c'est bon et vraiment pas cher",
                "Le pain de {rival} à {city} est délicieux, je recommande",
            ),
            "neutral": (
                "{rival} ouvre une boutique à {city}",
                "{rival} cherche des vendeurs à {city}",
                "Quelqu'un a testé {rival} ?",
                "Promo chez {rival} cette semaine",
                "{rival} est ouvert le dimanche ?",
            ),
            "negative": (
                "Pain industriel et sans goût chez {rival}, bof, déçu",
                "Trop de monde chez {rival}, 20 min d'attente {emoji}",
                "Le croissant de {rival} était sec, déçu",
                "{rival} c'est pas cher mais c'est pas bon",
            ),
        },
        "marie-blachere": {
            "positive": (
                "3 baguettes achetées, 1 offerte chez {rival}, parfait pour la famille {emoji}",
                "Les sandwichs de {rival} sont vraiment bons pour le prix",
                "Les chouquettes de {rival} sont délicieuses, j'adore",
                "{rival} super pour le goûter des enfants, on adore",
            ),
            "neutral": (
                "Nouvelle boutique {rival} route de Nantes",
                "{rival} ouvre à {city} en mars",
                "{rival} recrute des boulangers en CDI",
                "Quels horaires pour {rival} le lundi ?",
                "Passage chez {rival} sur la route des vacances",
            ),
            "negative": (
                "Pain industriel chez {rival}, aucun goût, vraiment mauvais",
                "{rival} c'est rapide mais franchement pas bon",
                "Baguette encore surgelée chez {rival}, déçu {emoji}",
                "Service lent et pain trop cuit chez {rival}",
            ),
        },
    },
    both_texts={
        "positive": (
            "Rien à voir entre {own} et {rival}, le pain de Martin est bien meilleur",
            "Entre {rival} et {own}, je choisis {own} sans hésiter {emoji}",
            "Testé {rival} et {own} : {own} gagne haut la main",
        ),
        "neutral": (
            "Galette des rois : {own} ou {rival} cette année ?",
            "Comparatif des baguettes d'Angers : {own}, {rival} et les autres",
            "{rival} s'installe à deux pas de {own} à {place}",
        ),
        "negative": (
            "{rival} moins cher que {own} et franchement pas moins bon",
            "{own} devient aussi cher que {rival}, dommage",
        ),
    },
    headlines={
        "own": (
            "Angers : les Boulangeries Martin préparent leur arrivée à Nantes",
            "Les Boulangeries Martin recrutent douze apprentis pour la rentrée",
            "Boulangeries Martin : Sophie Martin mise sur les farines d'Anjou",
            "Commerce : les Boulangeries Martin ouvrent le dimanche après-midi à Angers",
            "Galette des rois : les Boulangeries Martin cachent des fèves d'artistes angevins",
        ),
        "ange": (
            "La Boulangerie Ange ouvre un nouveau point de vente en périphérie d'Angers",
            "Franchise : la Boulangerie Ange poursuit son développement dans l'Ouest",
        ),
        "marie-blachere": (
            "Marie Blachère s'implante sur la route de Nantes",
            "Boulangerie : Marie Blachère mise sur les zones commerciales",
        ),
    },
    noise=(
        "Martin Fourcade en forme ce week-end",
        "Fête de la Saint-Martin : le pain de l'amitié distribué à la sortie de la messe",
        "Ange ou démon ? Le nouveau film de Martin Scorsese en salles",
        "Marie a fait du pain maison ce week-end, bluffant",
        "Boulangerie fermée rue Voltaire pour travaux jusqu'à fin mars",
        "Recette facile : la baguette maison en quatre étapes",
        "Martin, ton colis est arrivé au point relais",
        "Concours de la meilleure baguette d'Anjou : inscriptions ouvertes",
        "La Saint-Martin approche, qui vient au marché ?",
    ),
    foreign=(
        ("en", "Best croissant in Angers at Boulangeries Martin!"),
        ("en", "Boulangeries Martin in Angers: amazing sourdough, friendly staff"),
        ("en", "Stopped at Boulangeries Martin on our Loire trip, lovely bakery"),
    ),
    loyal_texts=(
        "Encore une fois merci {own}, le meilleur pain de {city} {emoji}",
        "Mon rituel du samedi : {product} de {own}. Toujours parfait, merci !",
        "Adresse coup de cœur : {own} à {place}. Accueil adorable et pain délicieux",
        "Je ne m'en lasse pas : les viennoiseries de {own} sont excellentes {emoji}",
        "Bravo {own} pour la nouvelle tarte, superbe et délicieuse",
        "{own}, toujours la meilleure adresse pour le pain au levain. Merci l'équipe !",
        "Mille mercis à {own} pour ce brunch parfait {emoji}",
        "Coup de cœur renouvelé pour {own} : artisans passionnés, produits délicieux",
    ),
    loyal=(
        Loyal("nantes_gourmande", "instagram", 24_800, 10),
        Loyal("les.bonnes.adresses.angers", "instagram", 41_200, 8),
        Loyal("@papilles_angevines", "x", 9_300, 9),
        Loyal("Miettes et Merveilles", "blog", 12_600, 7),
    ),
    incident=Incident(
        day=dt.date(2027, 2, 17),
        volume=(5.5, 4.0, 2.2, 1.4),
        negative=(0.85, 0.75, 0.55, 0.35),
        texts=(
            "Un morceau de plastique dans mon flan de chez {own} {emoji} inadmissible",
            "{own} rappelle ses flans, des morceaux de plastique trouvés. Et le remboursement ?",
            "Mon fils a failli s'étouffer avec un bout de plastique dans un flan {own}. Scandaleux",
            "Franchement {own} vous abusez, aucun message après l'histoire des flans",
            "Après le plastique dans les flans, je ne remets plus les pieds chez {own} {emoji}",
            "C'est grave ce qui se passe chez {own} avec les flans, "
            "personne ne répond au téléphone",
            "Remboursement refusé pour mon flan {own} sans ticket, honteux",
            "Du plastique dans un flan acheté chez {own} à {place}, dégoûtée {emoji}",
            "Honte à {own}, on vend des flans avec du plastique et on se tait",
            "Flans {own} : j'ai jeté toute la boîte, quelle déception",
        ),
        headlines=(
            "Rappel de flans pâtissiers : les Boulangeries Martin mises en cause",
            "Des morceaux de plastique dans des flans : les Boulangeries Martin s'expliquent",
            "Angers : colère des clients des Boulangeries Martin après le rappel des flans",
        ),
    ),
    buzz=Buzz(
        day=dt.date(2027, 4, 1),
        volume=(3.6, 2.6, 1.6),
        texts=(
            "Super : {own} ouvre à Nantes, croissants offerts ce matin !",
            "Première baguette de {own} à Nantes achetée, délicieuse {emoji}",
            "Inauguration de {own} à Nantes aujourd'hui, bravo à toute l'équipe",
            "{own} ouvre ses deux boutiques nantaises ce jeudi",
            "Super nouvelle : {own} s'installe à Nantes, trop contente {emoji}",
        ),
    ),
    per_day={"own": 8.5, "ange": 2.6, "marie-blachere": 3.8},
    growth={"own": 1.05, "ange": 1.0, "marie-blachere": 1.02},
    mix={
        "own": (0.42, 0.4, 0.18),
        "ange": (0.35, 0.45, 0.2),
        "marie-blachere": (0.3, 0.42, 0.28),
    },
    both_per_day=0.7,
    noise_per_day=1.6,
    weekday=(0.85, 0.9, 1.0, 0.95, 1.05, 1.3, 0.95),
    networks={
        "instagram": Network("Instagram", "instagram.com", 0.38, 700),
        "facebook": Network("Facebook", "facebook.com", 0.3, 250),
        "x": Network("X", "x.com", 0.1, 350),
        "tiktok": Network("TikTok", "tiktok.com", 0.04, 1500),
        "press": Network("Presse", "", 0.06, 0, "press"),
        "blog": Network("Blogs", "", 0.06, 1200, "blog"),
        "forum": Network("Avis", "", 0.06, 0, "forum"),
    },
    sites=(
        Site("Ouest-France", "ouest-france.fr", "press", 310_000),
        Site("Le Courrier de l'Ouest", "courrierdelouest.fr", "press", 120_000),
        Site("Angers Info", "angers-info.fr", "press", 35_000),
        Site("Presse Océan", "presse-ocean.fr", "press", 90_000),
        Site("Les Carnets d'Anjou", "carnetsdanjou.fr", "blog", 4_000),
        Site("La Petite Fournée", "lapetitefournee.wordpress.com", "blog", 2_500),
        Site("Tripadvisor", "tripadvisor.fr", "forum", 0),
        Site("Google Avis", "google.com", "forum", 0),
    ),
    first_names=(
        *("Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Sarah", "Laura", "Claire"),
        *("Sophie", "Pauline", "Marine", "Lucie", "Anaïs", "Céline", "Nathalie", "Élodie"),
        *("Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Pierre", "Hugo", "Lucas"),
        *("Romain", "Alexandre", "Guillaume", "Kevin", "Yann", "Erwan", "Mathieu", "Loïc"),
    ),
    last_names=(
        *("Lebreton", "Moreau", "Guérin", "Rousseau", "Lefèvre", "Hamon", "Jaouen", "Cadiou"),
        *("Perrin", "Gautier", "Chevalier", "Riou", "Leroux", "Fournier", "Girard", "Morin"),
        *("Le Goff", "Blanchard", "Baudry", "Renaud", "Charrier", "Texier", "Bouvier", "Joly"),
    ),
    hashtags=("#Angers", "#Nantes", "#anjou", "#gourmandise", "#faitmaison"),
    emoji={
        "positive": ("😍", "🥖", "🥐", "😋", "👍", "❤️", "🙏", "🔥"),
        "neutral": ("", "🥖", "🤔"),
        "negative": ("😡", "😤", "👎", "🙄", "😕", "🤮"),
    },
)

# --- Ville de Rives-sur-Loire -----------------------------------------------------------

TOWN = Voices(
    lang="fr",
    own=(
        "Rives-sur-Loire",
        "la Ville de Rives-sur-Loire",
        "la mairie de Rives",
        "@RivesSurLoire",
        "@VilledeRivessurLoire",
        "#RivesSurLoire",
        "Rives-sur-Loire",
    ),
    rivals={
        "montreval": (
            "la Ville de Montreval",
            "@Montreval_Info",
            "#Montreval",
            "la mairie de Montreval",
        ),
        "agglo": (
            "Rives Loire Agglo",
            "Rives Loire Agglomération",
            "@RivesLoireAgglo",
            "#RivesLoireAgglo",
        ),
    },
    fills={
        "service": (
            "l'état civil",
            "la médiathèque",
            "la piscine municipale",
            "le service des sports",
            "le CCAS",
            "la police municipale",
            "le service urbanisme",
            "les services techniques",
            "l'accueil de la mairie",
        ),
        "quartier": (
            "des Bords de Loire",
            "du Centre ancien",
            "des Tisserands",
            "de la Batellerie",
            "des Hauts de Rives",
            "du Port",
            "de la Gare",
        ),
        "street": (
            "rue des Mariniers",
            "quai de la Loire",
            "avenue Jean-Jaurès",
            "rue des Tisserands",
            "place du Marché",
            "rue de la Gare",
        ),
    },
    own_texts={
        "positive": (
            "Merci à {service} de {own}, dossier réglé en dix minutes",
            "Bravo {own} pour les travaux du quai, c'est magnifique {emoji}",
            "Super accueil à {service} de {own} ce matin, agents très aimables",
            "Dépôt sauvage {street} signalé à {own} et ramassé en deux heures, efficace {emoji}",
            "Très beau marché dimanche à {own}, bravo aux organisateurs",
            "Belle initiative de {own} : la médiathèque ouverte le dimanche",
            "Enfin des pistes cyclables dans le quartier {quartier}, merci {own}",
            "Merci {own} pour la réponse rapide sur X, super service !",
            "La nouvelle aire de jeux {street} est top, merci {own} {emoji}",
            "Démarche en ligne faite en 5 min sur le site de {own}, parfait",
            "Chapeau aux agents de {own} pour le déneigement ce matin",
            "Très bonne idée ce conseil de quartier {quartier}, merci {own}",
        ),
        "neutral": (
            "{own} : conseil municipal jeudi à 19h",
            "Travaux {street} : {own} annonce une déviation jusqu'au 15",
            "Horaires de {service} de {own} pendant les vacances ?",
            "{own} lance une consultation sur le plan vélo",
            "Collecte des sapins organisée par {own} samedi",
            "{own} prête-t-il des salles aux associations ?",
            "Réunion publique du quartier {quartier} : {own} présente le projet de la halle",
            "{own} recrute des animateurs pour le périscolaire",
            "Où déposer une demande de carte d'identité à {own} ?",
            "Le marché {street} de {own} est-il maintenu pendant les travaux ?",
            "{own} publie le budget 2027",
            "Stationnement gratuit le samedi à {own} ?",
        ),
        "negative": (
            "Toujours pas de réponse de {own} pour le lampadaire cassé {street} {emoji}",
            "Stationnement impossible dans le centre, {own} ne fait rien",
            "Les trottoirs du quartier {quartier} sont dans un état lamentable, "
            "{own} se réveille quand ?",
            "Trois semaines d'attente pour un passeport à {own}, inadmissible {emoji}",
            "Nids-de-poule {street} depuis des mois, merci {own} pour rien {emoji}",
            "Piscine fermée encore une fois, {own} c'est une blague",
            "Aucune concertation sur les travaux {street}, {own} décide seul",
            "Déçu par {own}, on signale et rien ne bouge",
            "Horaires de {service} de {own} impossibles quand on travaille",
        ),
    },
    rival_texts={
        "montreval": {
            "positive": (
                "Bravo à {rival} pour son nouveau parc, superbe",
                "Super fête des lumières organisée par {rival} {emoji}",
                "Démarches en ligne super simples chez {rival}, bravo",
            ),
            "neutral": (
                "{rival} ouvre une maison France Services",
                "{rival} : conseil municipal lundi soir",
                "Travaux du centre-ville annoncés par {rival}",
                "{rival} présente son budget 2027",
            ),
            "negative": (
                "{rival} ferme encore une classe, colère des parents",
                "Stationnement payant partout chez {rival}, ras-le-bol {emoji}",
                "Toujours aucune réponse de {rival} à mon courrier, c'est honteux",
            ),
        },
        "agglo": {
            "positive": (
                "Le nouveau bus électrique de {rival} est super {emoji}",
                "Bravo {rival}, la collecte des encombrants sur rendez-vous marche bien",
                "Bus plus fréquents sur la ligne 3 grâce à {rival}, top",
            ),
            "neutral": (
                "{rival} : nouveaux horaires de bus à partir de lundi",
                "Collecte des déchets décalée d'un jour, annonce {rival}",
                "{rival} distribue des composteurs gratuits",
                "Réunion communautaire de {rival} mercredi",
            ),
            "negative": (
                "Encore un bus supprimé sans prévenir, {rival} c'est pénible {emoji}",
                "Collecte pas passée depuis une semaine, {rival} c'est lamentable {emoji}",
                "Bacs jaunes qui débordent et {rival} ne répond pas, ras-le-bol",
            ),
        },
    },
    both_texts={
        "positive": (
            "{own} fait mieux que {rival} pour les démarches en ligne, bravo",
            "Franchement {own} répond plus vite que {rival} sur X {emoji}",
        ),
        "neutral": (
            "Qui gère quoi entre {own} et {rival} pour la voirie ?",
            "{own} et {rival} : réunion sur la convention des bords de Loire",
            "Réunion entre {own} et {rival} sur le plan vélo",
        ),
        "negative": (
            "{own} renvoie vers {rival}, {rival} renvoie vers la mairie, "
            "personne ne fait rien, c'est nul",
            "{rival} fait mieux que {own} pour la propreté, c'est triste",
        ),
    },
    headlines={
        "own": (
            "Rives-sur-Loire : le conseil municipal vote le budget 2027",
            "Rives-sur-Loire lance un plan vélo pour ses sept quartiers",
            "Rives-sur-Loire : la mairie ouvre ses démarches en ligne le soir et le week-end",
            "À Rives-sur-Loire, la halle du marché sera rénovée en 2028",
            "Vœux du maire de Rives-sur-Loire : les quartiers au cœur du mandat",
        ),
        "montreval": (
            "La Ville de Montreval inaugure son parc des Sablons",
            "#Montreval : le centre-ville en travaux jusqu'à l'été",
        ),
        "agglo": (
            "Rives Loire Agglomération renouvelle ses bus",
            "Déchets : Rives Loire Agglo change les jours de collecte",
        ),
    },
    noise=(
        "Balade sur les rives de la Loire ce matin, magnifique lumière",
        "Les rives du Cher en crue, prudence",
        "Montée des eaux : les rives sont inondées près de Tours",
        "Le maire de Tours annonce un plan vélo",
        "Conseil de classe jeudi, stress",
        "Pique-nique sur les rives avec les enfants",
        "La ville de Nantes lance son budget participatif",
    ),
    foreign=(
        ("en", "Lovely walk in Rives-sur-Loire, beautiful old town"),
        ("en", "Rives-sur-Loire town hall wedding today, such a nice place"),
    ),
    loyal_texts=(
        "Encore bravo à {own} pour les animations du week-end, super ambiance {emoji}",
        "Merci {own} : réponse rapide et problème réglé. Service public au top",
        "Fier d'être Rivelain : bravo {own} pour les bords de Loire {emoji}",
        "Très belle initiative de {own} pour le quartier {quartier}, merci !",
        "Merci aux agents de {own}, toujours aussi efficaces et aimables",
        "Superbe programme à la médiathèque de {own}, bravo l'équipe",
        "J'adore ce que devient le centre de {own}, bravo {emoji}",
    ),
    loyal=(
        Loyal("@rivelain_engage", "x", 6_400, 9),
        Loyal("Collectif Bords de Loire", "facebook", 11_300, 8),
        Loyal("photos_de_rives", "instagram", 15_700, 10),
        Loyal("@LucieMartineau_", "x", 8_900, 7),
        Loyal("Rives Infos", "blog", 9_800, 6),
    ),
    incident=Incident(
        day=dt.date(2027, 3, 9),
        volume=(4.5, 3.5, 2.2, 1.4),
        negative=(0.8, 0.75, 0.55, 0.35),
        texts=(
            "Le portail famille de {own} est en panne depuis ce matin, "
            "impossible d'inscrire ma fille à la cantine {emoji}",
            "Inscriptions scolaires : le site de {own} plante et aucune info. Bravo.",
            "Trois jours que le portail de {own} ne marche pas "
            "et la date limite c'est vendredi, scandaleux !!",
            "Une heure d'attente au guichet de {own} parce que le site est en panne, lamentable",
            "@RivesSurLoire votre portail famille est toujours en panne, c'est inadmissible",
            "Aucune réponse de {own} sur la panne du portail, on fait comment pour la cantine ?",
            "Panne du portail famille de {own} : encore une journée de perdue {emoji}",
            "{own} incapable de faire marcher un site d'inscription, c'est honteux",
            "Ras-le-bol, le portail famille de {own} est encore en panne, nul {emoji}",
        ),
        headlines=(
            "Rives-sur-Loire : le portail famille en panne en pleine période d'inscriptions",
            "Inscriptions scolaires : colère des parents contre la mairie de Rives",
            "Rives-sur-Loire prolonge les inscriptions après la panne de son portail",
        ),
        message_factor=3.5,
    ),
    buzz=Buzz(
        day=dt.date(2027, 1, 15),
        volume=(2.6, 1.6),
        texts=(
            "Belle cérémonie des vœux du maire de {own} ce soir {emoji}",
            "Vœux du maire de {own} : beaucoup de monde et de beaux projets",
            "{own} : les vœux du maire en direct ce soir",
            "Salle comble pour les vœux de {own}, bravo",
        ),
    ),
    per_day={"own": 12.0, "montreval": 3.5, "agglo": 4.2},
    growth={"own": 1.04, "montreval": 1.0, "agglo": 1.01},
    mix={"own": (0.32, 0.46, 0.22), "montreval": (0.3, 0.5, 0.2), "agglo": (0.2, 0.5, 0.3)},
    both_per_day=0.8,
    noise_per_day=2.2,
    weekday=(1.15, 1.12, 1.1, 1.1, 1.05, 0.7, 0.6),
    networks={
        "facebook": Network("Facebook", "facebook.com", 0.38, 220),
        "x": Network("X", "x.com", 0.3, 380),
        "instagram": Network("Instagram", "instagram.com", 0.12, 500),
        "press": Network("Presse", "", 0.1, 0, "press"),
        "forum": Network("Forums", "", 0.06, 0, "forum"),
        "blog": Network("Blogs", "", 0.04, 900, "blog"),
    },
    sites=(
        Site("Ouest-France", "ouest-france.fr", "press", 310_000),
        Site("Le Courrier de l'Ouest", "courrierdelouest.fr", "press", 120_000),
        Site("La Nouvelle République", "lanouvellerepublique.fr", "press", 150_000),
        Site("Loire Hebdo", "loirehebdo.fr", "press", 22_000),
        Site("Vivre à Rives", "vivrearives.over-blog.com", "blog", 3_000),
        Site("Le Fil des quartiers", "lefildesquartiers.fr", "blog", 1_800),
        Site("Forum Rives-Loire", "forum-rivesloire.fr", "forum", 0),
        Site("Nextdoor", "nextdoor.fr", "forum", 0),
    ),
    first_names=(
        *BAKERY.first_names,
        *("Martine", "Bernard", "Gérard", "Monique", "Patrick", "Sylvie", "Christophe"),
        "Isabelle",
    ),
    last_names=(*BAKERY.last_names, "Bertin", "Prigent", "Marchand", "Dupuis", "Carré", "Pineau"),
    hashtags=("#Loire", "#bordsdeloire", "#servicepublic", "#vivreensemble"),
    emoji={
        "positive": ("👍", "👏", "😊", "🙏", "❤️", "🌿"),
        "neutral": ("", "ℹ️", "🤔"),
        "negative": ("😡", "😤", "👎", "🙄", "😠"),
    },
)

# --- Northwind Analytics ----------------------------------------------------------------

NORTHWIND = Voices(
    lang="en",
    own=(
        "Northwind Analytics",
        "@NorthwindHQ",
        "@NorthwindAnalytics",
        "#northwindanalytics",
        "Northwind Analytics",
    ),
    rivals={
        "brightmill": ("Brightmill Systems", "@BrightmillSystems", "Brightmill Systems"),
        "plantsight": ("PlantSight", "@PlantSight", "#plantsight", "PlantSight"),
    },
    fills={
        "feature": (
            "the OEE dashboard",
            "the scrap tracker",
            "the energy module",
            "the shift report",
            "the line view",
            "Predict",
            "the downtime Pareto",
        ),
        "sector": ("food plant", "plastics site", "packaging line", "metals plant", "bakery"),
        "points": ("4", "5", "6", "7", "9", "11"),
        "weeks": ("five", "six", "six", "seven", "eight"),
    },
    own_texts={
        "positive": (
            "{weeks} weeks after go-live, {own} has our OEE up {points} points. Impressed.",
            "Huge thanks to the {own} onboarding team, live data on all 14 lines by Friday",
            "The {own} benchmark report is the most useful thing "
            "I've read on UK manufacturing this year",
            "{own} support answered in ten minutes, on a Saturday. Brilliant.",
            "Love {feature} in {own}, finally our shift leads look at the same numbers",
            "Our {sector} cut scrap by a third with {own}. Great product, great people.",
            "Really good webinar from {own} on energy per unit, practical and honest",
            "If you run a mid-size plant, talk to {own}. Best decision we made last year.",
            "Great case study from {own} on downtime in a {sector}",
            "{own} just works. Set up in weeks, no IT project. Excellent.",
        ),
        "neutral": (
            "Anyone using {own} with Siemens S7 PLCs?",
            "{own} are hiring data engineers in Manchester",
            "Webinar on scrap reduction with {own} next Tuesday",
            "Comparing {own} and a few others for our {sector}, any views?",
            "{own} publishes a guide to OEE for mid-size plants",
            "Meeting the {own} team at our site on Thursday",
            "Does {own} integrate with SAP for work orders?",
            "{own} will be at the Manufacturing Expo in Birmingham",
            "Reading the {own} report on energy costs in UK plants",
            "How does {own} price multi-site deals?",
        ),
        "negative": (
            "{own} pricing jumped 20% at renewal. Not great.",
            "Still waiting for {own} to fix the broken shift report export. Frustrating.",
            "Dashboards painfully slow again this morning, {own}. Annoying.",
            "Not convinced by the energy module from {own}, too basic for us",
            "{own} support took three days to reply. Disappointing.",
            "The new {own} interface is confusing, our operators hate it",
            "Two sensors dropped out again overnight. Really poor, {own}.",
        ),
    },
    rival_texts={
        "brightmill": {
            "positive": (
                "{rival} rollout went smoothly across our three sites, great experience",
                "Great demo of the {rival} platform at the expo, impressive",
                "{rival} predictive maintenance is great software, really impressed",
            ),
            "neutral": (
                "{rival} announces a partnership with a PLC maker",
                "{rival} opens an office in Birmingham",
                "Webinar: {rival} on digital twins for manufacturing",
                "{rival} publishes its roadmap for 2027",
                "Has anyone moved off the {rival} platform?",
                "{rival} are hiring solution architects",
            ),
            "negative": (
                "{rival} implementation in month nine. Expensive, slow and frustrating.",
                "{rival} license costs are ridiculous, way too expensive for a mid-size plant",
                "Awful onboarding, we dropped the {rival} platform",
            ),
        },
        "plantsight": {
            "positive": (
                "{rival} mobile app is really handy on the shop floor",
                "Good price and quick setup with {rival}",
                "Nice energy dashboards in {rival}",
            ),
            "neutral": (
                "{rival} raises a Series A",
                "{rival} launches an AI assistant for maintenance",
                "Trying {rival} on one line this month",
                "{rival} at the Manufacturing Expo, stand C42",
                "{rival} update adds Modbus devices",
            ),
            "negative": (
                "{rival} data gaps again overnight, terrible reliability",
                "{rival} support is terrible, slow to answer",
                "{rival} reports are pretty but the numbers don't match our MES",
            ),
        },
    },
    both_texts={
        "positive": (
            "Chose {own} over {rival}: faster to set up, great team",
            "{own} vs {rival}: {own} wins on time to value, easily",
        ),
        "neutral": (
            "Shortlist for our plant analytics: {own}, {rival} and one more",
            "Anyone compared {own} and {rival} for OEE tracking?",
            "Panel with {own} and {rival} at the Manufacturing Expo",
        ),
        "negative": (
            "{rival} has more features than {own}, sadly for us",
            "Moving from {own} to {rival}, the integrations were bad",
        ),
    },
    headlines={
        "own": (
            "Northwind Analytics publishes State of UK Mid-Size Manufacturing data report",
            "Northwind Analytics opens Manchester engineering hub",
            "Northwind Analytics: scrap costs UK food plants 4% of turnover, report finds",
            "Northwind Analytics adds predictive maintenance to its platform",
        ),
        "brightmill": (
            "Brightmill Systems signs a European automotive supplier",
            "Brightmill Systems launches digital twin platform for process plants",
        ),
        "plantsight": (
            "PlantSight raises £12m to expand in Europe",
            "PlantSight launches an AI maintenance assistant",
        ),
    },
    noise=(
        "Northwind Traders sample database, anyone still teach with it?",
        "Learning SQL with the Northwind Traders database",
        "Strong northwind on the coast today, ferry cancelled",
        "Brightmill Farm shop open this Sunday",
        "Brightmill Lane closed for resurfacing",
        "OEE explained in five minutes",
        "Why most plant dashboards fail",
    ),
    foreign=(
        ("de", "Northwind Analytics auf der Hannover Messe, interessante Lösung für OEE"),
        ("fr", "Northwind Analytics : une plateforme d'analyse pour les usines britanniques"),
    ),
    loyal_texts=(
        "Proud of our customer success team at {own}: {points} points of OEE in {weeks} weeks",
        "Another plant live on {own} this week. Love working with this team!",
        "Great day on the shop floor with a {sector} running {own}. Brilliant people.",
        "Thrilled to share our new OEE guide at {own}, written by engineers for engineers",
        "Delighted to welcome five new engineers to {own} in Manchester!",
        "So proud of what we built at {own} this quarter. Thank you, customers!",
        "Excellent turnout at the {own} open evening, thank you all",
        "Love seeing {feature} in {own} help a {sector} cut waste. Great work, team!",
    ),
    loyal=(
        Loyal("Priya Natarajan", "linkedin", 8_200, 10),
        Loyal("Tom Whitaker", "linkedin", 5_600, 9),
        Loyal("@dataonthefloor", "x", 12_400, 9),
        Loyal("Sarah Okafor", "linkedin", 7_100, 8),
        Loyal("@leanmetrics_ben", "x", 10_900, 8),
    ),
    incident=Incident(
        day=dt.date(2027, 2, 23),
        volume=(6.5, 4.5, 2.0),
        negative=(0.85, 0.7, 0.5),
        texts=(
            "{own} dashboards have been down since 6am, our plant is flying blind",
            "Day two of the {own} outage. No OEE, no shift reports. Not acceptable.",
            "Is anyone else's {own} down? Nothing since last night",
            "{own} status page says degraded, our lines say dead. Terrible communication.",
            "Lost a full shift of data in the {own} outage. Very disappointed.",
            "Paying for {own} and getting nine hours of blank screens. Awful.",
            "Third outage this quarter, {own}. Unacceptable.",
            "No reply from {own} support during the outage. Poor.",
        ),
        headlines=(
            "Northwind Analytics outage leaves UK plants without production data",
            "Northwind Analytics apologises after nine-hour platform outage",
        ),
        message_factor=1.0,
    ),
    buzz=Buzz(
        day=dt.date(2027, 3, 2),
        volume=(2.8, 1.8, 1.3),
        texts=(
            "The {own} State of UK Mid-Size Manufacturing report is out, great data",
            "Brilliant benchmark report from {own}, sharing with our plant managers",
            "{own} report: UK mid-size plants lose 12% of capacity to unplanned downtime",
            "Just read the {own} manufacturing report, really useful",
        ),
    ),
    per_day={"own": 3.2, "brightmill": 13.0, "plantsight": 10.0},
    growth={"own": 1.12, "brightmill": 1.0, "plantsight": 1.02},
    mix={
        "own": (0.36, 0.42, 0.22),
        "brightmill": (0.3, 0.5, 0.2),
        "plantsight": (0.3, 0.5, 0.2),
    },
    both_per_day=0.6,
    noise_per_day=1.4,
    weekday=(1.2, 1.3, 1.3, 1.25, 1.1, 0.45, 0.4),
    networks={
        "linkedin": Network("LinkedIn", "linkedin.com", 0.44, 900),
        "x": Network("X", "x.com", 0.3, 600),
        "press": Network("News", "", 0.12, 0, "press"),
        "blog": Network("Blogs", "", 0.08, 1500, "blog"),
        "forum": Network("Forums", "", 0.06, 0, "forum"),
    },
    sites=(
        Site("The Manufacturer", "themanufacturer.com", "press", 85_000),
        Site("Manufacturing Management", "manufacturingmanagement.co.uk", "press", 40_000),
        Site("Food Manufacture", "foodmanufacture.co.uk", "press", 60_000),
        Site("Process Engineering", "processengineering.co.uk", "press", 30_000),
        Site("Lean Plant Notes", "leanplantnotes.substack.com", "blog", 3_500),
        Site("Shop Floor Data", "shopfloordata.medium.com", "blog", 2_200),
        Site("r/manufacturing", "reddit.com", "forum", 0),
        Site("Eng-Tips", "eng-tips.com", "forum", 0),
    ),
    first_names=(
        *("James", "Oliver", "Harry", "Jack", "George", "Daniel", "Ryan", "Liam", "Sean"),
        *("Emma", "Olivia", "Amelia", "Chloe", "Hannah", "Grace", "Aoife", "Niamh", "Zara"),
        *("Raj", "Anil", "Mohammed", "Kwame", "Wei", "Tomasz", "Piotr", "Fatima", "Sana"),
    ),
    last_names=(
        *("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walsh", "Murphy", "Byrne"),
        *("Patel", "Khan", "Hughes", "Edwards", "Clarke", "Kowalski", "Chen", "Mensah", "Reid"),
    ),
    hashtags=("#manufacturing", "#OEE", "#Industry40", "#leanmanufacturing", "#ukmfg"),
    emoji={"positive": ("", "", "👏", "🚀"), "neutral": ("",), "negative": ("", "😞")},
)

VOICES = {
    "boulangeries-martin": BAKERY,
    "mairie-rives": TOWN,
    "northwind-analytics": NORTHWIND,
}
