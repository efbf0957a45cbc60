fn main() {
    ecoplan::mount();
}
