//! Prints load time, peak RSS and the links of the seed article's names:
//! `cargo run --release -p cronaca-gazetteer --example seed_links`.

use cronaca_gazetteer::{EntityType, Gazetteer};

fn main() {
    let t = std::time::Instant::now();
    let gaz = Gazetteer::builtin().expect("gazetteer loads");
    let load = t.elapsed();
    let t2 = std::time::Instant::now();
    drop(Gazetteer::builtin().expect("gazetteer loads"));
    println!("second load (pages warm) {:?}", t2.elapsed());
    let text = "Rivolta del gas in Kazakistan : Putin ha inviato l’ esercito . In Kazakistan sono \
        arrivate le truppe . Mosca ha confermato . Csto Telegram ministero degli Esteri russo , \
        Maria Zakharova . Russia e Kazakistan , Armenia , Bielorussia , Kirghizistan e \
        Tagikistan . Ministero della Salute . Cremlino . Almaty . Tass . Khabar-24 .";
    let tokens: Vec<&str> = text.split(' ').collect();
    let ctx = gaz.context_from_tokens("it", &tokens);
    println!(
        "load {load:?}; places {}; facts {}; context {:?}",
        gaz.place_count(),
        gaz.fact_count(),
        ctx.countries()
    );
    for (ty, m) in [
        (EntityType::Loc, "Almaty"),
        (EntityType::Loc, "Mosca"),
        (EntityType::Loc, "Kazakistan"),
        (EntityType::Loc, "Russia"),
        (EntityType::Loc, "Armenia"),
        (EntityType::Loc, "Bielorussia"),
        (EntityType::Loc, "Kirghizistan"),
        (EntityType::Loc, "Tagikistan"),
        (EntityType::Org, "Csto"),
        (EntityType::Org, "Tass"),
        (EntityType::Org, "Telegram"),
        (EntityType::Org, "Khabar-24"),
        (EntityType::Org, "ministero degli Esteri russo"),
        (EntityType::Org, "Ministero della Salute"),
        (EntityType::Org, "Cremlino"),
        (EntityType::Per, "Putin"),
        (EntityType::Per, "Kassym-Jomart Tokayev"),
        (EntityType::Per, "Maria Zakharova"),
    ] {
        let l = gaz.link(ty, &[m], "it", &ctx);
        println!("{m}\t{}", serde_json::to_string(&l).unwrap());
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        println!("{line}");
    }
}
