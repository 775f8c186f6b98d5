/// The nests and eggs a fresh hosting panel typically carries.
enum EggCatalog {
    static let nests: [(name: String, description: String)] = [
        ("Minecraft", "Minecraft - the classic game from Mojang. With support for Vanilla MC, Spigot, and many others!"),
        ("Source Engine", "Includes support for most Source Dedicated Server games."),
        ("Voice Servers", "Voice servers such as Mumble and Teamspeak 3."),
        ("Rust", "Rust - A game where you must fight to survive."),
        ("Terraria", "Terraria and tModLoader dedicated servers."),
    ]

    private static let java: [(String, String)] = [
        ("Java 21", "ghcr.io/pterodactyl/yolks:java_21"), ("Java 17", "ghcr.io/pterodactyl/yolks:java_17"),
        ("Java 11", "ghcr.io/pterodactyl/yolks:java_11"), ("Java 8", "ghcr.io/pterodactyl/yolks:java_8"),
    ]
    private static let jar = EggTemplate.Variable(
        name: "Server Jar File", env: "SERVER_JARFILE", defaultValue: "server.jar",
        rules: "required|regex:/^([\\w\\d._-]+)(\\.jar)$/", viewable: true, editable: true,
        description: "The name of the server jarfile to run the server with.")
    private static let minecraftFiles: [(String, String)] = [
        ("server.properties", "server-port=25565\nmotd=A Minecraft Server\nmax-players=20\n"),
        ("eula.txt", "eula=true\n"),
        ("logs/latest.log", "[Server thread/INFO]: Done (4.211s)! For help, type \"help\"\n"),
        ("plugins/.keep", ""),
    ]

    static let eggs: [EggTemplate] = [
        EggTemplate(
            nest: "Minecraft", name: "Paper", description: "High performance Spigot fork that aims to fix gameplay and mechanics inconsistencies.",
            features: ["eula", "java_version", "pid_limit"], images: java,
            startup: "java -Xms128M -Xmx{{SERVER_MEMORY}}M -Dterminal.jline=false -Dterminal.ansi=true -jar {{SERVER_JARFILE}}",
            stop: "stop", done: ")! For help, type ",
            variables: [
                .init(name: "Minecraft Version", env: "MINECRAFT_VERSION", defaultValue: "latest", rules: "nullable|string|max:20", viewable: true, editable: true, description: "The version of minecraft to download."),
                jar,
                .init(name: "Download Path", env: "DL_PATH", defaultValue: "", rules: "nullable|string", viewable: false, editable: false, description: "A URL to use to download a server.jar rather than the ones in the install script."),
                .init(name: "Build Number", env: "BUILD_NUMBER", defaultValue: "latest", rules: "required|string|max:20", viewable: true, editable: true, description: "The build number for the paper release."),
            ],
            weight: 10, port: 25565, files: minecraftFiles),
        EggTemplate(
            nest: "Minecraft", name: "Forge Minecraft", description: "Minecraft Forge Server. MinecraftForge is a modding API.",
            features: ["eula", "java_version", "pid_limit"], images: java,
            startup: "java -Xms128M -Xmx{{SERVER_MEMORY}}M -Dterminal.jline=false -Dterminal.ansi=true $( [[  ! -f unix_args.txt ]] && printf %s \"-jar {{SERVER_JARFILE}}\" || printf %s \"@unix_args.txt\" )",
            stop: "stop", done: ")! For help, type ",
            variables: [
                jar,
                .init(name: "Minecraft Version", env: "MC_VERSION", defaultValue: "latest", rules: "required|string|max:9", viewable: true, editable: true, description: "The version of minecraft you want to install for."),
                .init(name: "Build Type", env: "BUILD_TYPE", defaultValue: "recommended", rules: "required|string|in:recommended,latest", viewable: true, editable: true, description: "The type of server jar to download from forge."),
                .init(name: "Forge Version", env: "FORGE_VERSION", defaultValue: "", rules: "nullable|string", viewable: true, editable: true, description: "Gets an exact version."),
            ],
            weight: 5, port: 25565, files: minecraftFiles),
        EggTemplate(
            nest: "Minecraft", name: "Vanilla Minecraft", description: "Minecraft is a game about placing blocks and going on adventures.",
            features: ["eula", "java_version", "pid_limit"], images: java,
            startup: "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}",
            stop: "stop", done: ")! For help, type ",
            variables: [
                jar,
                .init(name: "Server Version", env: "VANILLA_VERSION", defaultValue: "latest", rules: "required|string|between:3,15", viewable: true, editable: true, description: "The version of Minecraft Vanilla to install."),
            ],
            weight: 6, port: 25565, files: minecraftFiles),
        EggTemplate(
            nest: "Minecraft", name: "Bungeecord", description: "For a long time, Minecraft server owners have had a dream that encompasses a free, easy, and reliable way to connect multiple Minecraft servers together.",
            features: ["eula", "java_version", "pid_limit"], images: java,
            startup: "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}",
            stop: "end", done: "Listening on ",
            variables: [
                .init(name: "Bungeecord Version", env: "BUNGEE_VERSION", defaultValue: "latest", rules: "required|alpha_num|between:1,6", viewable: true, editable: true, description: "The version of Bungeecord to download and use."),
                .init(name: "Bungeecord Jar File", env: "SERVER_JARFILE", defaultValue: "bungeecord.jar", rules: "required|regex:/^([\\w\\d._-]+)(\\.jar)$/", viewable: true, editable: true, description: "The name of the Jarfile to use when running Bungeecord."),
            ],
            weight: 2, port: 25577, files: [("config.yml", "listeners:\n- host: 0.0.0.0:25577\n")]),
        EggTemplate(
            nest: "Source Engine", name: "Garrys Mod", description: "Garrys Mod, is a sandbox physics game created by Facepunch Studios.",
            features: ["gsl_token", "steam_disk_space"], images: [("Source", "ghcr.io/pterodactyl/games:source")],
            startup: "./srcds_run -game garrysmod -console -port {{SERVER_PORT}} +map {{SRCDS_MAP}} +maxplayers {{MAX_PLAYERS}} -strictportbind -norestart",
            stop: "quit", done: "gameserver Steam ID",
            variables: [
                .init(name: "Map", env: "SRCDS_MAP", defaultValue: "gm_flatgrass", rules: "required|string|alpha_dash", viewable: true, editable: true, description: "The default map for the server."),
                .init(name: "Max Players", env: "MAX_PLAYERS", defaultValue: "32", rules: "required|integer|max:128", viewable: true, editable: true, description: "The maximum amount of players allowed on your game server."),
                .init(name: "Steam Account Token", env: "STEAM_ACC", defaultValue: "", rules: "nullable|string|alpha_num|size:32", viewable: true, editable: true, description: "The Steam Account Token required for the server to be displayed publicly."),
            ],
            weight: 3, port: 27015, files: [("garrysmod/cfg/server.cfg", "hostname \"Garry's Mod Server\"\n")]),
        EggTemplate(
            nest: "Source Engine", name: "Team Fortress 2", description: "Team Fortress 2 is a team-based first-person shooter.",
            features: ["gsl_token", "steam_disk_space"], images: [("Source", "ghcr.io/pterodactyl/games:source")],
            startup: "./srcds_run -game tf -console -port {{SERVER_PORT}} +map {{SRCDS_MAP}} -strictportbind -norestart",
            stop: "quit", done: "gameserver Steam ID",
            variables: [
                .init(name: "Game ID", env: "SRCDS_APPID", defaultValue: "232250", rules: "required|regex:/^(232250)$/", viewable: true, editable: false, description: "The ID corresponding to the game to download and run using SRCDS."),
                .init(name: "Default Map", env: "SRCDS_MAP", defaultValue: "cp_dustbowl", rules: "required|string|max:20", viewable: true, editable: true, description: "The default map to use when starting the server."),
            ],
            weight: 1, port: 27015, files: [("tf/cfg/server.cfg", "hostname \"TF2 Server\"\n")]),
        EggTemplate(
            nest: "Voice Servers", name: "Mumble Server", description: "Mumble is an open source, low-latency, high quality voice chat software.",
            features: nil, images: [("Mumble", "ghcr.io/parkervcp/yolks:voice_mumble")],
            startup: "mumble-server -fg -ini murmur.ini", stop: "^C", done: "Server listening on",
            variables: [
                .init(name: "Maximum Users", env: "MAX_USERS", defaultValue: "100", rules: "required|numeric|digits_between:1,5", viewable: true, editable: false, description: "Maximum concurrent users on the mumble server."),
            ],
            weight: 1, port: 64738, files: [("murmur.ini", "users=100\n")]),
        EggTemplate(
            nest: "Voice Servers", name: "Teamspeak3 Server", description: "VoIP software designed with security in mind, featuring crystal clear voice quality.",
            features: nil, images: [("Debian", "ghcr.io/parkervcp/yolks:debian")],
            startup: "./ts3server default_voice_port={{SERVER_PORT}} query_port={{SERVER_PORT}} license_accepted=1",
            stop: "^C", done: "listening on 0.0.0.0:",
            variables: [
                .init(name: "Server Version", env: "TS_VERSION", defaultValue: "latest", rules: "required|string|max:6", viewable: true, editable: true, description: "The version of Teamspeak 3 to use when running the server."),
                .init(name: "File Transfer Port", env: "FILE_TRANSFER", defaultValue: "30033", rules: "required|integer|between:1025,65535", viewable: true, editable: false, description: "The Teamspeak file transfer port"),
            ],
            weight: 1, port: 9987, files: [("ts3server.ini", "default_voice_port=9987\n")]),
        EggTemplate(
            nest: "Rust", name: "Rust", description: "The only aim in Rust is to survive.",
            features: ["steam_disk_space"], images: [("Rust", "ghcr.io/pterodactyl/games:rust")],
            startup: "./RustDedicated -batchmode +server.port {{SERVER_PORT}} +server.hostname \"{{HOSTNAME}}\" +server.level \"{{LEVEL}}\" +server.maxplayers {{MAX_PLAYERS}} +rcon.password \"{{RCON_PASS}}\"",
            stop: "quit", done: "Server startup complete",
            variables: [
                .init(name: "Server Name", env: "HOSTNAME", defaultValue: "A Rust Server", rules: "required|string|max:60", viewable: true, editable: true, description: "The name of your server in the public server list."),
                .init(name: "Level", env: "LEVEL", defaultValue: "Procedural Map", rules: "required|in:Barren,Craggy Island,Hapis,HapisIsland,Procedural Map,Savas Island,Savas Island_koth", viewable: true, editable: true, description: "The world file for Rust to use."),
                .init(name: "Max Players", env: "MAX_PLAYERS", defaultValue: "40", rules: "required|integer", viewable: true, editable: true, description: "The maximum amount of players allowed in the server at once."),
                .init(name: "RCON Password", env: "RCON_PASS", defaultValue: "CHANGEME", rules: "required|regex:/^[\\w.-]*$/|max:64", viewable: true, editable: true, description: "RCON access password."),
            ],
            weight: 4, port: 28015, files: [("server/rust/cfg/server.cfg", "server.hostname \"A Rust Server\"\n")]),
        EggTemplate(
            nest: "Terraria", name: "Terraria Vanilla", description: "Dig, fight, explore, build! Nothing is impossible in this action-packed adventure game.",
            features: nil, images: [("Debian", "ghcr.io/parkervcp/yolks:debian")],
            startup: "./TerrariaServer.bin.x86_64 -config serverconfig.txt -port {{SERVER_PORT}} -maxplayers {{MAX_PLAYERS}}",
            stop: "exit", done: "Type 'help' for a list of commands",
            variables: [
                .init(name: "Terraria version", env: "TERRARIA_VERSION", defaultValue: "latest", rules: "required|string|max:20", viewable: true, editable: true, description: "The version of Terraria that is to be used."),
                .init(name: "Max Players", env: "MAX_PLAYERS", defaultValue: "8", rules: "required|numeric|between:1,255", viewable: true, editable: true, description: "The maximum number of players a server will hold."),
                .init(name: "World Name", env: "WORLD_NAME", defaultValue: "world", rules: "required|string|max:20", viewable: true, editable: true, description: "The name for the world file."),
            ],
            weight: 3, port: 7777, files: [("serverconfig.txt", "world=world.wld\nmaxplayers=8\n")]),
        EggTemplate(
            nest: "Terraria", name: "tModLoader", description: "tModLoader is essentially a mod that provides a way to load your own mods.",
            features: nil, images: [("Dotnet 6", "ghcr.io/parkervcp/yolks:dotnet_6")],
            startup: "./tModLoaderServer -ip 0.0.0.0 -port {{SERVER_PORT}} -maxplayers {{MAX_PLAYERS}}",
            stop: "exit", done: "Type 'help' for a list of commands",
            variables: [
                .init(name: "Max Players", env: "MAX_PLAYERS", defaultValue: "8", rules: "required|numeric|between:1,255", viewable: true, editable: true, description: "The maximum number of players a server will hold."),
                .init(name: "tModloader Version", env: "VERSION", defaultValue: "latest", rules: "required|string|max:20", viewable: true, editable: true, description: "Version of tModLoader to install."),
            ],
            weight: 2, port: 7777, files: [("serverconfig.txt", "maxplayers=8\n")]),
    ]
}
